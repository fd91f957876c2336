package org.hotline.intake.routing;

/** Short-hands for routing inputs in tests: only the fields a test is about are set. */
final class Inputs {
  static final String SIMING = "350203";
  static final String HAICANG = "350205";
  static final String HULI = "350206";
  static final String JIMEI = "350211";
  static final String TONGAN = "350212";
  static final String XIANGAN = "350213";

  private static final String CONTENT = "在该店消费后商家拒绝退款，要求退还多收的费用。";

  private Inputs() {}

  static RoutingInput address(String address) {
    return new RoutingInput("complaint", "餐饮服务", null, address, null, "某商户", CONTENT);
  }

  static RoutingInput codeAndAddress(String code, String address) {
    return new RoutingInput("complaint", "餐饮服务", code, address, null, "某商户", CONTENT);
  }

  static RoutingInput platform(String platform, String address) {
    return new RoutingInput("complaint", "网络购物", null, address, platform, "某网店", CONTENT);
  }

  static RoutingInput matter(String category, String content) {
    return new RoutingInput("complaint", category, null, "厦门市思明区中山路1号", null, "某单位", content);
  }

  static Route route(RoutingInput in) {
    return Routing.xiamen().route(in);
  }
}
