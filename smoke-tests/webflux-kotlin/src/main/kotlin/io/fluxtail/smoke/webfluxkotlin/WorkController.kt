package io.fluxtail.smoke.webfluxkotlin

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import org.springframework.core.env.Environment
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RequestHeader
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.reactive.function.client.WebClient
import org.springframework.web.reactive.function.client.awaitBody

/**
 * Every handler, a `suspend` function or one returning a `Flow`, logs the `probe` it was given,
 * the id the client sent as `X-Request-Id`, before and after each hop: a line whose `request_id`
 * differs from its `probe` lost or mixed up its request context.
 */
@RestController
class WorkController(webClientBuilder: WebClient.Builder, private val environment: Environment) {

	private val log = LoggerFactory.getLogger("smoke.web")

	private val webClient = webClientBuilder.build()

	@GetMapping("/hello")
	suspend fun hello(@RequestParam probe: String): String = logged(probe, "hello")

	@GetMapping("/with-context")
	suspend fun withContextIo(@RequestParam probe: String): String {
		logged(probe, "before withContext")
		withContext(Dispatchers.IO) {
			logged(probe, "inside withContext")
		}
		return logged(probe, "after withContext")
	}

	@GetMapping("/async")
	suspend fun asyncAwait(@RequestParam probe: String): String = coroutineScope {
		logged(probe, "before async")
		val answer = async(Dispatchers.Default) {
			logged(probe, "inside async")
		}
		logged(answer.await(), "after async")
	}

	@GetMapping("/delay")
	suspend fun delay(@RequestParam probe: String): String {
		logged(probe, "before delay")
		delay(5)
		return logged(probe, "after delay")
	}

	@GetMapping("/flow")
	fun flow(@RequestParam probe: String): Flow<String> = flow {
		logged(probe, "flow started")
		delay(5)
		emit(logged(probe, "flow emitting"))
	}

	@GetMapping("/chain")
	suspend fun chain(@RequestParam probe: String): String {
		logged(probe, "calling downstream")
		val answer = webClient.get()
			.uri("http://127.0.0.1:${environment.getProperty("local.server.port")}/downstream?probe={probe}", probe)
			.retrieve()
			.awaitBody<String>()
		logged(probe, "downstream answered")
		return answer
	}

	@GetMapping("/downstream")
	suspend fun downstream(@RequestParam probe: String,
			@RequestHeader(name = "X-Request-Id", required = false) receivedRequestId: String?,
			@RequestHeader(name = "X-Fluxtail-Debug", required = false) debugToken: String?): String {
		log.atInfo()
			.addKeyValue("probe", probe)
			.addKeyValue("received_request_id", receivedRequestId)
			.addKeyValue("debug_token_received", debugToken != null)
			.log("downstream called")
		return receivedRequestId.toString()
	}

	/**
	 * Writes five DEBUG lines, two of them in `withContext(Dispatchers.IO)`, and one with a card
	 * number, then fails as asked:
	 * `throw` (a 500), `error` (an ERROR line, then a 200) or `none`.
	 */
	@GetMapping("/debug")
	suspend fun debug(@RequestParam probe: String, @RequestParam(defaultValue = "none") failure: String): String {
		debugSteps(probe, 1..2)
		withContext(Dispatchers.IO) {
			debugSteps(probe, 3..4)
		}
		debugSteps(probe, 5..5)
		// Visa's test number: kept lines are redacted like any other
		log.atDebug().addKeyValue("probe", probe).log("charging card 4111 1111 1111 1111")
		if (failure == "throw") {
			throw IllegalStateException("debug failure for $probe")
		}
		if (failure == "error") {
			log.atError().addKeyValue("probe", probe).log("debug failure logged")
		}
		return probe
	}

	private fun debugSteps(probe: String, steps: IntRange) {
		for (step in steps) {
			log.atDebug().addKeyValue("probe", probe).log("debug step $step")
		}
	}

	@GetMapping("/fail")
	suspend fun fail(@RequestParam probe: String): String = withContext(Dispatchers.IO) {
		logged(probe, "about to fail")
		throw IllegalStateException("smoke failure for $probe")
	}

	private fun logged(probe: String, message: String): String {
		log.atInfo().addKeyValue("probe", probe).log(message)
		return probe
	}

}
