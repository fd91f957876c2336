package org.hotline.intake.validation;

/**
 * The person who filed the record. Every field is optional and already normalised.
 *
 * <p>{@code phone} and {@code idNumber} are personal information: mask them ({@link
 * PhoneNumbers#mask}, {@link IdNumbers#mask}) before they go anywhere but storage.
 *
 * @param name NFC, trimmed, at most 100 characters
 * @param phone normalised by {@link PhoneNumbers#normalise}, e.g. {@code 13812345678} or {@code
 *     0592-5123456}
 * @param idNumber an 18-character resident ID number with an upper-case {@code X}
 * @param address NFC, trimmed, at most 500 characters
 */
public record Complainant(String name, String phone, String idNumber, String address) {}
