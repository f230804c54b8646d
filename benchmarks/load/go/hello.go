// Go's valyala/fasthttp answering GET /plaintext with "Hello, World!": the peer that gave
// fasthttp for Java its name, for load comparisons.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o benchmarks/load/target/go-fasthttp-hello benchmarks/load/go/hello.go
//	PORT=8083 benchmarks/load/target/go-fasthttp-hello
//
// Built against Debian's golang-github-valyala-fasthttp-dev (GOPATH mode, no module download).
// GOMAXPROCS is Go's default: the CPUs the process may run on (taskset included).
package main

import (
	"fmt"
	"log"
	"net"
	"os"

	"github.com/valyala/fasthttp"
)

var body = []byte("Hello, World!")

func handler(ctx *fasthttp.RequestCtx) {
	if string(ctx.Path()) == "/plaintext" {
		ctx.SetContentType("text/plain")
		ctx.SetBody(body)
	} else {
		ctx.NotFound()
	}
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8083"
	}
	ln, err := net.Listen("tcp4", ":"+port)
	if err != nil {
		log.Fatal(err)
	}
	server := &fasthttp.Server{Handler: handler, Name: "fasthttp"}
	fmt.Println("Go fasthttp listening on " + port)
	if err := server.Serve(ln); err != nil {
		log.Fatal(err)
	}
}
