package org.hotline.intake;

/** Entry point. */
public final class Main {
  public static void main(String[] args) {}
}
