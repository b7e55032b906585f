package io.fluxtail.smoke.webfluxkotlin

import org.springframework.stereotype.Component
import org.springframework.web.server.CoWebFilter
import org.springframework.web.server.CoWebFilterChain
import org.springframework.web.server.ServerWebExchange

/**
 * A coroutine web filter, as Kotlin users write them: Spring hands its coroutine context on to the
 * handlers, in place of the one it would have given them.
 */
@Component
class ServedByFilter : CoWebFilter() {

	override suspend fun filter(exchange: ServerWebExchange, chain: CoWebFilterChain) {
		exchange.response.headers.add("X-Served-By", "smoke-webflux-kotlin")
		chain.filter(exchange)
	}

}
