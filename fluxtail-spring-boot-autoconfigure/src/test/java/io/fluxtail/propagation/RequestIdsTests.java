package io.fluxtail.propagation;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestIdsTests {

	private final RequestContextStats stats = new RequestContextStats();

	private final RequestIds ids = new RequestIds("req-", true, this.stats);

	@ParameterizedTest
	@ValueSource(strings = { "a", "req-3f9a1c0b7d2e4a65", "A.b_c:d~e-f", "0123456789" })
	void safeInboundIdsAreKept(String inbound) {
		assertThat(this.ids.resolve(inbound)).isEqualTo(inbound);
		assertThat(this.stats.acceptedInboundIds()).isOne();
		assertThat(this.stats.generatedIds()).isZero();
	}

	@Test
	void anIdOfExactly128CharactersIsKept() {
		String inbound = "x".repeat(128);
		assertThat(this.ids.resolve(inbound)).isEqualTo(inbound);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "a\tb", "a\r\nb", "a\nlevel=ERROR", "a\u001b[31m", "a\u0000", "a\u007f",
			"caf\u00e9", "\u202eabc", "a\"b", "{\"x\":1}", "a/b", "a=b", "a%0d" })
	void unsafeInboundIdsAreReplacedAndCounted(String inbound) {
		String resolved = this.ids.resolve(inbound);
		assertThat(resolved).isNotEqualTo(inbound).matches("req-[0-9a-f]{16}");
		assertThat(this.stats.rejectedInboundIds()).isOne();
		assertThat(this.stats.generatedIds()).isOne();
	}

	@Test
	void anIdOf129CharactersIsReplaced() {
		assertThat(this.ids.resolve("x".repeat(129))).matches("req-[0-9a-f]{16}");
		assertThat(this.stats.rejectedInboundIds()).isOne();
	}

	@Test
	void withoutAnInboundIdOneIsGeneratedWithoutCountingARejection() {
		assertThat(this.ids.resolve(null)).matches("req-[0-9a-f]{16}");
		assertThat(this.stats.rejectedInboundIds()).isZero();
		assertThat(this.stats.generatedIds()).isOne();
	}

	@Test
	void whenInboundIdsAreNotTrustedThenEvenSafeOnesAreReplaced() {
		RequestIds untrusting = new RequestIds("req-", false, this.stats);
		assertThat(untrusting.resolve("safe-id")).matches("req-[0-9a-f]{16}");
	}

	@Test
	void generatedIdsAreUniqueAndPassTheirOwnValidation() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200_000; i++) {
			String id = this.ids.generate();
			assertThat(RequestIds.isValid(id)).isTrue();
			assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
		}
	}

	@Test
	void theRandomPartCarries64Bits() {
		// Every hex digit position takes every value across many ids: no constant bits.
		boolean[][] digits = new boolean[RequestIds.RANDOM_HEX_LENGTH][16];
		for (int i = 0; i < 10_000; i++) {
			String random = this.ids.generate().substring(4);
			for (int position = 0; position < random.length(); position++) {
				digits[position][Character.digit(random.charAt(position), 16)] = true;
			}
		}
		for (boolean[] position : digits) {
			assertThat(position).doesNotContain(false);
		}
	}

	@Test
	void aCustomPrefixIsUsed() {
		assertThat(new RequestIds("checkout:", true, this.stats).generate()).matches("checkout:[0-9a-f]{16}");
		assertThat(new RequestIds("", true, this.stats).generate()).matches("[0-9a-f]{16}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "req ", "req/", "r\u00e9q-" })
	void aPrefixThatWouldFailValidationIsRefused(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestIds(prefix, true, this.stats));
	}

	@Test
	void aPrefixThatWouldMakeIdsTooLongIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestIds("p".repeat(113), true, this.stats));
		assertThat(new RequestIds("p".repeat(112), true, this.stats).generate()).hasSize(128);
	}

}
