package dev.fasthttp.internal.http1;

/**
 * A parsed request head: the request line's parts and the headers handlers ask for most, on top
 * of what every message carries ({@link MessageHead}).
 *
 * <p>Filled by {@link RequestParser}; reused for every request on a connection. Positions are
 * absolute indexes into {@link #buffer()}; an absent part has start and end -1.
 */
public final class RequestHead extends MessageHead {

    int methodStart, methodEnd;
    Method method;
    int targetStart, targetEnd;
    int schemeStart = -1, schemeEnd = -1;
    int authorityStart = -1, authorityEnd = -1;
    int pathStart, pathEnd;
    int queryStart = -1, queryEnd = -1;

    int hostHeader = -1;
    int cookieHeader = -1;
    int userAgentHeader = -1;
    int refererHeader = -1;
    boolean expectContinue;

    @Override
    void reset(byte[] buffer, int start) {
        super.reset(buffer, start);
        method = Method.OTHER;
        schemeStart = schemeEnd = authorityStart = authorityEnd = queryStart = queryEnd = -1;
        hostHeader = cookieHeader = userAgentHeader = refererHeader = -1;
        expectContinue = false;
    }

    public int methodStart() { return methodStart; }
    public int methodEnd() { return methodEnd; }
    public Method method() { return method; }
    public int targetStart() { return targetStart; }
    public int targetEnd() { return targetEnd; }
    public int schemeStart() { return schemeStart; }
    public int schemeEnd() { return schemeEnd; }
    public int authorityStart() { return authorityStart; }
    public int authorityEnd() { return authorityEnd; }
    public int pathStart() { return pathStart; }
    public int pathEnd() { return pathEnd; }
    public int queryStart() { return queryStart; }
    public int queryEnd() { return queryEnd; }

    /** Index of the header, or -1. */
    public int hostHeader() { return hostHeader; }
    public int cookieHeader() { return cookieHeader; }
    public int userAgentHeader() { return userAgentHeader; }
    public int refererHeader() { return refererHeader; }
    public boolean expectContinue() { return expectContinue; }
}
