package org.orebook.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it cannot parse or route before the application sees it: a
 * malformed URI, a bad header) with the same security headers as every other answer, and without
 * Jetty's stack traces or server name.
 */
final class HeaderedErrorHandler extends ErrorHandler {
  HeaderedErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Auth.HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put("Cache-Control", "no-store");
    return super.handle(request, response, callback);
  }
}
