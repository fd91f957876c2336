package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.dedup.CityProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Routing: configuration")
class RoutingConfigTest {

  static Path resource(String name) throws URISyntaxException {
    return Path.of(RoutingConfigTest.class.getResource("/routing/" + name).toURI());
  }

  static RoutingInput at(String address) {
    return new RoutingInput("complaint", null, null, address, null, null, "x");
  }

  @Nested
  @DisplayName("another city is another file")
  class AnotherCity {
    @Test
    @DisplayName("a second city loads with its own districts, townships and places")
    void loads() throws Exception {
      Routing quanzhou = Routing.fromYaml(resource("quanzhou-test.yaml"));
      assertThat(quanzhou.city()).isEqualTo("泉州市");
      assertThat(quanzhou.route(at("泉州市丰泽区刺桐路")).district()).isEqualTo("350503");
      assertThat(quanzhou.route(at("开元街道")).district()).isEqualTo("350502");
      assertThat(quanzhou.route(at("河市镇")).district()).isEqualTo("350504");
      assertThat(quanzhou.route(at("西街88号")).reason()).isEqualTo("address:place:西街");
      assertThat(quanzhou.route(at("刺桐大桥")).reason()).isEqualTo("ambiguous:刺桐大桥");
      assertThat(quanzhou.route(at("厦门市思明区")).reason()).isEqualTo("outside_city");
      RoutingInput code = new RoutingInput("complaint", null, "350504", null, null, null, "x");
      assertThat(quanzhou.route(code).district()).isEqualTo("350504");
    }

    @Test
    @DisplayName("the same address is another city's to Xiamen")
    void xiamenSaysOutside() {
      assertThat(Routing.xiamen().route(at("泉州市丰泽区刺桐路")).reason()).isEqualTo("outside_city");
    }
  }

  @Nested
  @DisplayName("a broken file fails at load, not at routing time")
  class Broken {
    @Test
    @DisplayName("an unknown key is rejected")
    void unknownKey() {
      assertThatThrownBy(() -> Routing.fromYaml(resource("broken-unknown-key.yaml")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("place");
    }

    @Test
    @DisplayName("a name configured with two meanings is rejected")
    void twoMeanings() {
      assertThatThrownBy(() -> Routing.fromYaml(resource("broken-two-meanings.yaml")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("two meanings");
    }

    @Test
    @DisplayName("a bare township name that decides alone but means something else is rejected")
    void aloneWithAnotherMeaning() {
      assertThatThrownBy(() -> Routing.fromYaml(resource("broken-alone-name.yaml")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("alone_names 海滨");
    }

    @Test
    @DisplayName("a bad area code is rejected, naming the key")
    void badAreaCode() {
      assertThatThrownBy(() -> Routing.fromYaml(resource("broken-area-code.yaml")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("city.area_code");
    }

    @Test
    @DisplayName("a missing file is an IOException")
    void missing() {
      assertThatThrownBy(() -> Routing.fromYaml(Path.of("no-such-routing.yaml")))
          .isInstanceOf(IOException.class);
    }
  }

  @Nested
  @DisplayName("the bundled Xiamen file")
  class Bundled {
    @Test
    @DisplayName("is loaded once and shared")
    void shared() {
      assertThat(Routing.xiamen()).isSameAs(Routing.xiamen());
      assertThat(Routing.xiamen().city()).isEqualTo("厦门市");
    }

    @Test
    @DisplayName("gives the dedup library and the phone rules Xiamen's area code and place names")
    void cityProfile() {
      CityProfile city = Routing.xiamen().cityProfile();
      assertThat(city.areaCode()).isEqualTo("0592");
      assertThat(city.namePrefixes()).startsWith("福建省", "福建", "厦门市", "厦门").contains("翔安区");
      assertThat(city.branchPlaces()).hasSize(88).contains("中山路", "高崎机场", "sm", "内厝");
      assertThat(Routing.xiamen().phoneNumbers().normalise("5123456")).contains("0592-5123456");
      assertThat(city.districts()).containsOnlyKeys(350203, 350205, 350206, 350211, 350212, 350213);
      assertThat(city.districts().get(350206)).contains("湖里区", "湖里");
      assertThat(city.districts().get(350203)).as("a well-known place").contains("曾厝垵");
      assertThat(city.ambiguousPlaces()).contains("思明园", "海沧大桥");
      assertThat(city.townships().get(350213))
          .as("a township's official, short and former names")
          .contains("马巷街道", "马巷", "马巷镇", "新店街道")
          .doesNotContain("新店");
      assertThat(city.townships().get(350203)).contains("鼓浪屿街道", "鼓浪屿");
    }

    @Test
    @DisplayName("a second city has its own area code")
    void anotherAreaCode() throws Exception {
      Routing quanzhou = Routing.fromYaml(resource("quanzhou-test.yaml"));
      assertThat(quanzhou.cityProfile().areaCode()).isEqualTo("0595");
      assertThat(quanzhou.cityProfile().branchPlaces()).isEmpty();
    }

    @Test
    @DisplayName("routes the same from many threads at once")
    void threadSafe() throws Exception {
      Routing r = Routing.xiamen();
      List<Callable<Route>> calls = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        String addr = i % 2 == 0 ? "厦门市思明区曾厝垵" : "海沧大桥";
        calls.add(() -> r.route(at(addr)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Route>> results = pool.invokeAll(calls);
        for (int i = 0; i < results.size(); i++) {
          assertThat(results.get(i).get().queue()).isEqualTo(i % 2 == 0 ? "350203" : "triage");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
