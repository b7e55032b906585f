package io.fluxtail.smoke.webfluxkotlin

import org.springframework.boot.autoconfigure.SpringBootApplication
import org.springframework.boot.runApplication

/**
 * A Kotlin WebFlux application as a Kotlin user writes it: the starter, webflux, webclient and
 * coroutines, with `suspend` handlers that hop threads by `withContext`, `async`, `delay` and a
 * call to itself.
 */
@SpringBootApplication
class WebFluxKotlinSmokeApplication

fun main(args: Array<String>) {
	runApplication<WebFluxKotlinSmokeApplication>(*args)
}
