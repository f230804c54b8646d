package dev.fasthttp.samples.spring;

/** A todo item as the JSON API writes it. */
public record Todo(long id, String title, boolean done) {
}
