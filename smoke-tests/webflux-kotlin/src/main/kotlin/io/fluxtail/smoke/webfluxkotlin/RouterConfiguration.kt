package io.fluxtail.smoke.webfluxkotlin

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.web.reactive.function.server.bodyValueAndAwait
import org.springframework.web.reactive.function.server.coRouter

/**
 * A functional endpoint, as `coRouter` declares it: a `suspend` handler that hops to
 * `Dispatchers.IO`. Spring gives it no context propagation of its own: the starter does.
 */
@Configuration
class RouterConfiguration {

	private val log = LoggerFactory.getLogger("smoke.web")

	@Bean
	fun routes() = coRouter {
		GET("/router") { request ->
			val probe = request.queryParam("probe").orElseThrow()
			log.atInfo().addKeyValue("probe", probe).log("router before withContext")
			withContext(Dispatchers.IO) {
				log.atInfo().addKeyValue("probe", probe).log("router inside withContext")
			}
			log.atInfo().addKeyValue("probe", probe).log("router after withContext")
			ok().bodyValueAndAwait(probe)
		}
	}

}
