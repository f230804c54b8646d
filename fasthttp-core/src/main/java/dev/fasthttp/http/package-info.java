/**
 * Protocol vocabulary shared by the server and the client, importing nothing of the engine:
 * the protocol errors a message can be refused for, each with the status a client gets, and the
 * reason phrases of status codes.
 */
package dev.fasthttp.http;
