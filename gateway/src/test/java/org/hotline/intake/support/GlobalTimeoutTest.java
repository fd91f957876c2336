package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

@DisplayName("the global per-test timeout")
class GlobalTimeoutTest {
  private static final String DEFAULT_TIMEOUT = "junit.jupiter.execution.timeout.default";

  @Test
  @ExtendWith(ConfiguredTimeout.class)
  @DisplayName("is set by the build for every test, generously above the slowest one")
  void configured(String timeout) {
    // test.timeout in the parent pom; the slowest legitimate test takes about 20 s.
    assertThat(timeout).isEqualTo("5m");
  }

  @Test
  @DisplayName("fails a test stuck on a latch instead of letting it hang the run")
  void failsAHang() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    // The mechanism the build relies on, shown with a short value so this test stays quick.
    LauncherFactory.create()
        .execute(
            request()
                .selectors(selectClass(Hangs.class))
                .configurationParameter(DEFAULT_TIMEOUT, "1s")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter(Hangs.ENABLED, "true")
                .build(),
            summary);
    TestExecutionSummary result = summary.getSummary();
    assertThat(result.getTestsFailedCount()).isEqualTo(1);
    assertThat(result.getFailures().get(0).getException()).isInstanceOf(TimeoutException.class);
  }

  /**
   * Runs only through the launcher above. Surefire leaves nested classes out, but a pattern such as
   * {@code -Dtest='GlobalTimeoutTest*'} would pick it up, hence the condition.
   */
  @ExtendWith(Hangs.OnlyWhenAsked.class)
  static class Hangs {
    static final String ENABLED = "intake.test.hangs";

    @Test
    void waitsForever() throws InterruptedException {
      new CountDownLatch(1).await();
    }

    static final class OnlyWhenAsked implements ExecutionCondition {
      @Override
      public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(ENABLED).isPresent()
            ? ConditionEvaluationResult.enabled("run by GlobalTimeoutTest")
            : ConditionEvaluationResult.disabled(
                "a deliberate hang, run only by GlobalTimeoutTest");
      }
    }
  }

  /** Hands a test the timeout configured for this run, as JUnit sees it. */
  static final class ConfiguredTimeout implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getConfigurationParameter(DEFAULT_TIMEOUT).orElse("none");
    }
  }
}
