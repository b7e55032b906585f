package io.fluxtail.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.autoconfigure.FluxtailPropagationAutoConfiguration;
import io.fluxtail.autoconfigure.FluxtailReactiveAutoConfiguration;
import io.fluxtail.autoconfigure.FluxtailServletAutoConfiguration;
import io.fluxtail.autoconfigure.FluxtailTaskPropagationAutoConfiguration;
import io.fluxtail.autoconfigure.redaction.FluxtailRedactionAutoConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Captures, for each test method of a Spring test, the lines the application logs, with its
 * production encoder, fields, names and redaction; the method takes them as a
 * {@link CapturedLogs} parameter. Works with {@code @SpringBootTest} and with the
 * {@code @WebMvcTest} and {@code @WebFluxTest} slices, to which it adds the starter's request
 * context and redaction auto-configurations, so that a slice's lines carry {@code request_id} as
 * the application's do.
 *
 * <pre>{@code
 * @WebMvcTest(OrderController.class)
 * @CaptureLogs
 * class OrderLogTests {
 *
 *     @Test
 *     void acceptedOrderIsLoggedWithItsId(@Autowired MockMvcTester mvc, CapturedLogs logs) {
 *         assertThat(mvc.post().uri("/orders")).hasStatusOk();
 *         assertThat(logs).withMessage("order accepted").singleLine().hasField("order_id", 4921);
 *         assertThat(logs).noLineAbove(Level.INFO).satisfiesContract().containsNoSecrets();
 *     }
 *
 * }
 * }</pre>
 *
 * What is global in one JVM (parallel tests, work that outlives the test):
 * {@link LogCaptureExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LogCaptureExtension.class)
@ImportAutoConfiguration({ FluxtailAutoConfiguration.class, FluxtailPropagationAutoConfiguration.class,
		FluxtailServletAutoConfiguration.class, FluxtailReactiveAutoConfiguration.class,
		FluxtailTaskPropagationAutoConfiguration.class, FluxtailRedactionAutoConfiguration.class })
public @interface CaptureLogs {

}
