package org.hotline.intake.validation;

/**
 * A WGS-84 position.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record GeoPoint(double lat, double lon) {}
