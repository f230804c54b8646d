package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.bytes.ByteView;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The multipart/form-data parser, row by row: a Content-Type and a body in, the parts or the
 * refusal out. Bodies are written with {@code \r}, {@code \n} and {@code \t} escapes; a part
 * reads {@code name=value}, with {@code <type>} when one came and {@code [filename]} for a file.
 */
class MultipartParserTest {

    /** Bytes around the body, so that the parser must keep to its bounds: a close delimiter follows. */
    private static final String BEFORE = "--xyz\r\nContent-Disposition: form-data; name=\"before\"\r\n\r\n";
    private static final String AFTER = "\r\n--xyz--\r\n--AaB03x--\r\n";

    private final MultipartParser parser = new MultipartParser();
    private final MultipartParts parts = new MultipartParts();

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\0");
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0");
    }

    private String parse(String type, String body, int maxParts, int maxPartHeaderSize) {
        byte[] t = ("x" + type + "y").getBytes(StandardCharsets.UTF_8);
        byte[] b = (BEFORE + body + AFTER).getBytes(StandardCharsets.UTF_8);
        int from = BEFORE.getBytes(StandardCharsets.UTF_8).length;
        MultipartError error = parser.parse(t, 1, t.length - 1, b, from, b.length - AFTER.length(), maxParts, maxPartHeaderSize, parts);
        return error != null ? error.status() + " " + error.name() : describe(parts);
    }

    static String describe(MultipartParts parts) {
        if (parts.count() == 0) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder();
        ByteView view = new ByteView();
        for (int i = 0; i < parts.count(); i++) {
            sb.append(i == 0 ? "" : " & ").append(parts.name(i, view));
            if (parts.isFile(i)) {
                sb.append('[').append(parts.filename(i, view)).append(']');
            }
            if (parts.contentType(i, view) != null) {
                sb.append('<').append(view).append('>');
            }
            sb.append('=').append(parts.content(i, view));
            assertThat(parts.contentLength(i)).isEqualTo(view.length());
            assertThat(parts.nameString(i)).isEqualTo(parts.name(i, view).toString());
        }
        return escape(sb.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RFC 7578 4.2, 4.5, 4.6: _charset_, a text field and a file (content-transfer-encoding ignored) | multipart/form-data; boundary=AaB03x | --AaB03x\\r\\ncontent-disposition: form-data; name="_charset_"\\r\\n\\r\\niso-8859-1\\r\\n--AaB03x\\r\\ncontent-disposition: form-data; name="field1"\\r\\ncontent-type: text/plain;charset=windows-1250\\r\\ncontent-transfer-encoding: quoted-printable\\r\\n\\r\\nJoe owes =E2=82=AC100.\\r\\n--AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file1.txt"\\r\\nContent-Type: text/plain\\r\\n\\r\\n... contents of file1.txt ...\\r\\n--AaB03x-- | _charset_=iso-8859-1 & field1<text/plain;charset=windows-1250>=Joe owes =E2=82=AC100. & files[file1.txt]<text/plain>=... contents of file1.txt ...
            RFC 7578 4.3: several files for one field       | multipart/form-data; boundary=AaB03x | --AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file1.txt"\\r\\nContent-Type: text/plain\\r\\n\\r\\none\\r\\n--AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file2.gif"\\r\\nContent-Type: image/gif\\r\\n\\r\\nGIF89a\\r\\n--AaB03x-- | files[file1.txt]<text/plain>=one & files[file2.gif]<image/gif>=GIF89a
            a field named by a token                        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name=a\\r\\n\\r\\n1\\r\\n--xyz-- | a=1
            an escaped quote in a name                      | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a\\"b"\\r\\n\\r\\n1\\r\\n--xyz-- | a"b=1
            an escaped backslash in a name                  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a\\\\b"\\r\\n\\r\\n1\\r\\n--xyz-- | a\\b=1
            a name in UTF-8, as browsers send it            | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="prénom"\\r\\n\\r\\nZoë\\r\\n--xyz-- | prénom=Zoë
            a semicolon inside a quoted name                | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a; filename=b"\\r\\n\\r\\n1\\r\\n--xyz-- | a; filename=b=1
            whitespace around ; and =, case of everything   | MULTIPART/Form-Data ; charset=utf-8 ; BOUNDARY = xyz | --xyz\\r\\ncontent-DISPOSITION:Form-Data ;NAME = "a" ; Filename= "b.txt"  \\r\\n\\r\\n1\\r\\n--xyz-- | a[b.txt]=1
            unknown parameters and headers are skipped      | multipart/form-data; boundary=xyz | --xyz\\r\\nX-Note: hello\\r\\nContent-Disposition: form-data; name="a"; size=1; creation-date="today"\\r\\nContent-Length: 1\\r\\n\\r\\n1\\r\\n--xyz-- | a=1
            filename with a Windows path: backslashes kept  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="C:\\Users\\me\\a.txt"\\r\\n\\r\\nx\\r\\n--xyz-- | f[C:\\Users\\me\\a.txt]=x
            filename climbing out: kept as sent             | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="../../etc/passwd"\\r\\n\\r\\nx\\r\\n--xyz-- | f[../../etc/passwd]=x
            filename absolute, with a dot segment           | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="/var/./www/.."\\r\\n\\r\\nx\\r\\n--xyz-- | f[/var/./www/..]=x
            filename* in UTF-8                              | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''%E2%82%AC%20rates.txt\\r\\n\\r\\nx\\r\\n--xyz-- | f[€ rates.txt]=x
            filename* in ISO-8859-1, with a language        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=iso-8859-1'en'%A3%20rates.txt\\r\\n\\r\\nx\\r\\n--xyz-- | f[£ rates.txt]=x
            filename* wins over filename (after it)         | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="EURO rates.txt"; filename*=utf-8''%e2%82%ac%20rates.txt\\r\\n\\r\\nx\\r\\n--xyz-- | f[€ rates.txt]=x
            filename* wins over filename (before it)        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''a%2Fb; filename="ab"\\r\\n\\r\\nx\\r\\n--xyz-- | f[a/b]=x
            an empty value                                  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="e"\\r\\n\\r\\n\\r\\n--xyz-- | e=
            an empty file input: a file with no name        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename=""\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n\\r\\n--xyz-- | f[]<application/octet-stream>=
            an empty form, as browsers send it              | multipart/form-data; boundary=xyz | --xyz--\\r\\n | (empty)
            --boundary inside a line is content             | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nx--xyz--y --xyz\\r\\n--xyz-- | a=x--xyz--y --xyz
            --boundary after a bare LF is content           | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nx\\n--xyz--\\n\\r\\n--xyz-- | a=x\\n--xyz--\\n
            a CRLF before the delimiter is the delimiter's  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nline\\r\\n\\r\\n--xyz-- | a=line\\r\\n
            content of one CRLF                             | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n\\r\\n\\r\\n--xyz-- | a=\\r\\n
            bare CR and LF in content                       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n\\r\\r\\n\\n\\0-\\r\\n--xyz-- | a=\\r\\r\\n\\n\\0-
            a preamble and an epilogue are ignored          | multipart/form-data; boundary=xyz | This is the preamble.\\r\\nIt mentions --xyz in passing.\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz--\\r\\nThis is the epilogue.\\r\\n--xyz\\r\\nnot a part | a=1
            transport padding after delimiters              | multipart/form-data; boundary=xyz | --xyz \\t \\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz\\t\\r\\nContent-Disposition: form-data; name="b"\\r\\n\\r\\n2\\r\\n--xyz-- | a=1 & b=2
            a quoted boundary with every bchar              | multipart/form-data; boundary="a b'()+_,-./:=?Z9" | --a b'()+_,-./:=?Z9\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--a b'()+_,-./:=?Z9-- | a=1
            a boundary of 70 characters                     | multipart/form-data; boundary=0123456789012345678901234567890123456789012345678901234567890123456789 | --0123456789012345678901234567890123456789012345678901234567890123456789\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--0123456789012345678901234567890123456789012345678901234567890123456789-- | a=1
            a browser's boundary                            | multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW | ------WebKitFormBoundary7MA4YWxkTrZu0gW\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\\r\\n | a=1
            """)
    void reads(String name, String type, String body, String expected) {
        assertThat(parse(type, unescape(body), 1000, 16 * 1024)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no Content-Type parameters, other media type    | text/plain | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 415 NOT_FORM_DATA
            multipart/mixed is not a form                   | multipart/mixed; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 415 NOT_FORM_DATA
            urlencoded is not multipart                     | application/x-www-form-urlencoded | a=1 | 415 NOT_FORM_DATA
            a longer media type                             | multipart/form-datax; boundary=xyz | --xyz-- | 415 NOT_FORM_DATA
            no boundary parameter                           | multipart/form-data | --xyz-- | 400 NO_BOUNDARY
            other parameters but no boundary                | multipart/form-data; charset=utf-8 | --xyz-- | 400 NO_BOUNDARY
            an empty boundary                               | multipart/form-data; boundary="" | ---- | 400 BAD_BOUNDARY
            a boundary of 71 characters                     | multipart/form-data; boundary=01234567890123456789012345678901234567890123456789012345678901234567890 | --01234567890123456789012345678901234567890123456789012345678901234567890-- | 400 BAD_BOUNDARY
            a boundary ending in a space                    | multipart/form-data; boundary="xyz " | --xyz -- | 400 BAD_BOUNDARY
            a boundary with a byte that is no bchar         | multipart/form-data; boundary=a!b | --a!b-- | 400 BAD_BOUNDARY
            a boundary with an escape                       | multipart/form-data; boundary="a\\"b" | --a"b-- | 400 BAD_BOUNDARY
            two boundaries                                  | multipart/form-data; boundary=xyz; boundary=abc | --xyz-- | 400 BAD_CONTENT_TYPE
            a parameter without a value                     | multipart/form-data; boundary | --xyz-- | 400 BAD_CONTENT_TYPE
            an unclosed quoted boundary                     | multipart/form-data; boundary="xyz | --xyz-- | 400 BAD_CONTENT_TYPE
            an empty body                                   | multipart/form-data; boundary=xyz | `` | 400 NO_DELIMITER
            a body that is only a preamble                  | multipart/form-data; boundary=xyz | just some text --xyz\\r\\nand more\\r\\n | 400 NO_DELIMITER
            no close delimiter after content                | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1 | 400 NOT_CLOSED
            a delimiter, then the end                       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz | 400 NOT_CLOSED
            a close delimiter cut short                     | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz- | 400 NOT_CLOSED
            the end inside part headers                     | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n | 400 NOT_CLOSED
            the end inside a header line                    | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-da | 400 NOT_CLOSED
            only the first delimiter                        | multipart/form-data; boundary=xyz | --xyz | 400 NOT_CLOSED
            a longer boundary at a line start               | multipart/form-data; boundary=xyz | --xyzabc\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyzabc-- | 400 BAD_DELIMITER
            a longer boundary inside content                | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyzabc\\r\\n--xyz-- | 400 BAD_DELIMITER
            a delimiter line ending in a bare LF            | multipart/form-data; boundary=xyz | --xyz\\nContent-Disposition: form-data; name="a"\\n\\n1\\n--xyz--\\n | 400 BAD_DELIMITER
            bytes after padding on a delimiter line         | multipart/form-data; boundary=xyz | --xyz x\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DELIMITER
            an empty part whose delimiter has no CRLF       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="b"\\r\\n\\r\\n2\\r\\n--xyz-- | 400 DELIMITER_WITHOUT_CRLF
            part headers without their empty line           | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n--xyz-- | 400 HEADERS_NOT_ENDED
            a header line without a colon                   | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            a space before the colon                        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition : form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            a folded header line                            | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data;\\r\\n name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            a bare LF in part headers                       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\nX: y\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            a bare CR in part headers                       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\rX: y\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            a NUL in a filename                             | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="a\\0.txt"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_PART_HEADER
            two Content-Dispositions                        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\nContent-Disposition: form-data; name="admin"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 REPEATED_PART_HEADER
            two Content-Types                               | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\nContent-Type: text/plain\\r\\ncontent-type: text/html\\r\\n\\r\\n1\\r\\n--xyz-- | 400 REPEATED_PART_HEADER
            a part without headers                          | multipart/form-data; boundary=xyz | --xyz\\r\\n\\r\\n1\\r\\n--xyz-- | 400 NO_DISPOSITION
            a part without Content-Disposition              | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Type: text/plain\\r\\n\\r\\n1\\r\\n--xyz-- | 400 NO_DISPOSITION
            an attachment, not form-data                    | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: attachment; name="a"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 NOT_FORM_DATA_DISPOSITION
            an empty Content-Disposition                    | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition:\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            no name                                         | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; filename="a.txt"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 NO_NAME
            two names                                       | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"; name="admin"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            two filenames                                   | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="a"; filename="b"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            an unclosed quoted name                         | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            a name quote escaped at its end                 | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a\\"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            bytes after a token name                        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name=a b\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            a name without a value                          | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name=\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_DISPOSITION
            filename* cutting UTF-8 short                   | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''%E2%82\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* with one quote                        | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8'a.txt\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* in another charset                    | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=Shift_JIS''%82%A0\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* quoted                                | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*="UTF-8''a.txt"\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* with a broken escape                  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''a%4\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* with a byte that is no attr-char      | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''a*b\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            filename* encoding a surrogate                  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename*=UTF-8''%ED%A0%80\\r\\n\\r\\n1\\r\\n--xyz-- | 400 BAD_EXT_FILENAME
            """)
    void refuses(String name, String type, String body, String expected) {
        assertThat(parse(type, unescape(body), 1000, 16 * 1024)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} parts, limit {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0      | 1     | (empty)
            1      | 1     | 1 part
            2      | 1     | 413 TOO_MANY_PARTS
            1000   | 1000  | 1000 parts
            1001   | 1000  | 413 TOO_MANY_PARTS
            10000  | 1000  | 413 TOO_MANY_PARTS
            10000  | 10000 | 10000 parts
            """)
    void partLimit(int count, int limit, String expected) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("--xyz\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\n").append(i % 10).append("\r\n");
        }
        String result = parse("multipart/form-data; boundary=xyz", body.append("--xyz--").toString(), limit, 16 * 1024);
        if (result.startsWith("f0=0")) {
            assertThat(result).endsWith("f" + (count - 1) + "=" + (count - 1) % 10);
            result = parts.count() + (parts.count() == 1 ? " part" : " parts");
        }
        assertThat(result).isEqualTo(expected);
    }

    /** The header section counts from the line after the delimiter through the empty line that ends it. */
    @ParameterizedTest(name = "headers of {0} bytes, limit {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            100   | 100   | a=1
            101   | 100   | 400 PART_HEADERS_TOO_LARGE
            40000 | 16384 | 400 PART_HEADERS_TOO_LARGE
            16384 | 16384 | a=1
            """)
    void partHeaderLimit(int size, int limit, String expected) {
        String disposition = "Content-Disposition: form-data; name=\"a\"\r\n";
        String filler = "X: " + "x".repeat(size - disposition.length() - 2 - 5) + "\r\n";
        String headers = disposition + filler + "\r\n";
        assertThat(headers).hasSize(size);
        assertThat(parse("multipart/form-data; boundary=xyz", "--xyz\r\n" + headers + "1\r\n--xyz--", 1000, limit)).isEqualTo(expected);
    }

    @Test
    void endlessPartHeadersStopAtTheLimit() {
        String endless = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Endless: " + "x".repeat(1 << 20);
        assertThat(parse("multipart/form-data; boundary=xyz", endless, 1000, 16 * 1024)).isEqualTo("400 PART_HEADERS_TOO_LARGE");
        String manyLines = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n" + "X: y\r\n".repeat(100_000);
        assertThat(parse("multipart/form-data; boundary=xyz", manyLines, 1000, 16 * 1024)).isEqualTo("400 PART_HEADERS_TOO_LARGE");
    }

    @Test
    void messagesNameTheLimits() {
        assertThat(MultipartError.TOO_MANY_PARTS.message(1000, 16384)).isEqualTo("the form has more parts than the limit of 1000");
        assertThat(MultipartError.PART_HEADERS_TOO_LARGE.message(1000, 16384))
                .isEqualTo("the headers of a part are larger than the limit of 16384 bytes");
        assertThat(MultipartError.NO_BOUNDARY.message(1000, 16384)).isEqualTo("multipart/form-data needs a boundary parameter");
        for (MultipartError e : MultipartError.values()) {
            assertThat(e.status()).as(e.name()).isIn(400, 413, 415);
        }
    }

    @Test
    void aReusedParserForgetsTheFormBefore() {
        String withFile = "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''%C3%A9.txt\r\n\r\nx\r\n--xyz--";
        String plain = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--";
        assertThat(parse("multipart/form-data; boundary=xyz", withFile, 1000, 16384)).isEqualTo("f[é.txt]=x");
        assertThat(parse("multipart/form-data; boundary=xyz", "--xyz\r\n", 1000, 16384)).isEqualTo("400 NOT_CLOSED");
        assertThat(parse("multipart/form-data; boundary=abc", plain.replace("xyz", "abc"), 1000, 16384)).isEqualTo("a=1");
        assertThat(parse("multipart/form-data; boundary=xyz", withFile, 1000, 16384)).isEqualTo("f[é.txt]=x");
        parts.clear();
        assertThat(parts.count()).isZero();
    }

    /** Once its tables have grown, a parse allocates nothing: a form costs no garbage unless the handler makes Strings. */
    @Test
    void aWarmParseAllocatesNothing() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append("--xyz\r\nContent-Disposition: form-data; name=\"f\\\"").append(i).append("\"; filename*=UTF-8''%C3%A9")
                    .append("\r\nContent-Type: text/plain\r\n\r\n").append("content ".repeat(i)).append("\r\n");
        }
        byte[] b = body.append("--xyz--").toString().getBytes(StandardCharsets.UTF_8);
        byte[] type = "multipart/form-data; boundary=\"xyz\"".getBytes(StandardCharsets.US_ASCII);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            assertThat(parser.parse(type, 0, type.length, b, 0, b.length, 1000, 16384, parts)).isNull();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            if (parser.parse(type, 0, type.length, b, 0, b.length, 1000, 16384, parts) != null || parts.count() != 20) {
                throw new AssertionError("parse failed");
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated / 10_000.0).as("bytes allocated per parse").isLessThan(1.0);
    }
}
