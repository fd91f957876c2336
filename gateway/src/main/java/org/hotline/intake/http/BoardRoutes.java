package org.hotline.intake.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.intake.board.BoardService;

/**
 * {@code GET /}, the status board for people, its script and style, and {@code GET /v1/board}, the
 * JSON it polls. No key is asked for: the board shows aggregates only (counts, ages, queue names),
 * nothing of any record, and a wall screen has nowhere to keep a key. The three files are read from
 * the jar once, at start; the page loads nothing from anywhere else, which its
 * Content-Security-Policy also enforces.
 */
final class BoardRoutes {
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final BoardService board;
  private final Buffer page;
  private final Buffer script;
  private final Buffer style;

  private BoardRoutes(BoardService board, Buffer page, Buffer script, Buffer style) {
    this.board = board;
    this.page = page;
    this.script = script;
    this.style = style;
  }

  /** Reads the page's files from the classpath (asynchronously) and returns the routes. */
  static Future<BoardRoutes> load(Vertx vertx, BoardService board) {
    var fs = vertx.fileSystem();
    Future<Buffer> page = fs.readFile("board/index.html");
    Future<Buffer> script = fs.readFile("board/board.js");
    Future<Buffer> style = fs.readFile("board/board.css");
    return Future.all(page, script, style)
        .map(v -> new BoardRoutes(board, page.result(), script.result(), style.result()));
  }

  void mount(Router router) {
    router.get("/").handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
    router
        .get("/board/board.js")
        .handler(ctx -> send(ctx, "text/javascript; charset=utf-8", script));
    router.get("/board/board.css").handler(ctx -> send(ctx, "text/css; charset=utf-8", style));
    router
        .get("/v1/board")
        .handler(
            ctx ->
                board
                    .read()
                    .onComplete(
                        ar ->
                            ctx.response()
                                .putHeader("content-type", "application/json")
                                .putHeader("cache-control", "no-store")
                                .end(ar.result())));
  }

  private static void send(RoutingContext ctx, String type, Buffer body) {
    ctx.response()
        .putHeader("content-type", type)
        .putHeader("cache-control", "no-cache")
        .putHeader("content-security-policy", CSP)
        .putHeader("x-content-type-options", "nosniff")
        .end(body);
  }
}
