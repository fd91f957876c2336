/**
 * SLA deadlines: the working-day calendar built from the official holiday files, the per-version
 * policy that turns a record's receipt or acceptance into named deadlines, and the clock that says
 * whether a deadline is at risk or breached.
 *
 * <p>All dates are Asia/Shanghai dates, whatever offset a channel sent, because the statutory
 * periods are counted in the bureau's local days.
 */
package org.hotline.intake.sla;
