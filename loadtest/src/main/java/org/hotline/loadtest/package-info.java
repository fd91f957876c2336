/**
 * The load-test tool: a seeded synthetic corpus with ground truth ({@code corpus}), traffic
 * profiles, an open-model driver measuring from each request's intended send time, verification of
 * what was acknowledged, and the JSON and HTML reports.
 */
package org.hotline.loadtest;
