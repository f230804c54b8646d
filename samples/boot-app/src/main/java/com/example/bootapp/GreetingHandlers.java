package com.example.bootapp;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.spring.boot.FastHttpRoute;
import org.springframework.stereotype.Component;

/** The application's routes: handler methods on a bean, found by the starter. */
@Component
public class GreetingHandlers {

    @FastHttpRoute("/greetings/{name}")
    public void greet(RequestCtx ctx) {
        ctx.success("text/plain; charset=utf-8", "Hello, " + ctx.pathParam("name") + "!");
    }

    /** Blocking work runs on a virtual thread, off the event loops. */
    @FastHttpRoute(value = "/reports/{id}", blocking = true)
    public void report(RequestCtx ctx) {
        ctx.success("application/json", "{\"id\":\"" + ctx.pathParam("id") + "\",\"status\":\"ready\"}");
    }
}
