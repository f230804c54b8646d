package dev.fasthttp.samples.spring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A todo item as clients send it: the server gives the id. */
public record TodoRequest(@NotBlank @Size(max = 200) String title, boolean done) {

    Todo withId(long id) {
        return new Todo(id, title, done);
    }
}
