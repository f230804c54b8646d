/**
 * The router: method and path templates mapped to handlers, matched without allocating. It
 * depends on the server API, never the reverse.
 */
package dev.fasthttp.routing;
