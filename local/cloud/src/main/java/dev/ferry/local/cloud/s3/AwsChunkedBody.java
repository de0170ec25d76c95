package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.http.LocalRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The content of a PutObject body, which the SDK may send in S3's {@code aws-chunked} framing
 * ({@code x-amz-content-sha256: STREAMING-...}). Over plain HTTP the SDK v2 signs each chunk,
 * {@code <hex size>;chunk-signature=<sig>\r\n<data>\r\n}, and ends with a zero-size chunk followed by a
 * {@code x-amz-checksum-crc32} trailer and its {@code x-amz-trailer-signature} (or by nothing when no checksum is
 * asked for); over HTTPS it leaves the chunks unsigned, {@code <hex size>\r\n<data>\r\n}, and ends
 * {@code 0\r\nx-amz-checksum-crc32:<base64>\r\n\r\n}. Both read the same way: the size up to a {@code ;} or the
 * line's end, the data, and, after the last chunk, trailer lines up to an empty one. The signatures and checksums
 * are not checked (there are no real credentials); the decoded length is, against
 * {@code x-amz-decoded-content-length}, as S3 checks it.
 */
final class AwsChunkedBody {

    private static final byte[] CRLF = {'\r', '\n'};

    private final byte[] framed;
    private int position;

    private AwsChunkedBody(byte[] framed) {
        this.framed = framed;
    }

    /** The bytes the request puts: its body, unframed when it is aws-chunked. */
    static byte[] content(LocalRequest request) {
        if (!request.header("x-amz-content-sha256").orElse("").startsWith("STREAMING-")) {
            return request.body();
        }
        long declared = request.header("x-amz-decoded-content-length").map(AwsChunkedBody::length)
                .orElseThrow(S3Exception::missingDecodedLength);
        byte[] content = new AwsChunkedBody(request.body()).decode();
        if (content.length != declared) {
            throw S3Exception.incompleteBody("The aws-chunked body holds " + content.length
                    + " bytes, x-amz-decoded-content-length says " + declared);
        }
        return content;
    }

    private byte[] decode() {
        ByteArrayOutputStream content = new ByteArrayOutputStream(framed.length);
        int size;
        while ((size = chunkSize(line())) > 0) {
            if (framed.length - position < size) {
                throw S3Exception.incompleteBody("The aws-chunked body ends inside a chunk of " + size + " bytes");
            }
            content.write(framed, position, size);
            position += size;
            if (!line().isEmpty()) {
                throw S3Exception.incompleteBody("A chunk of the aws-chunked body is longer than its size, " + size);
            }
        }
        // After the last chunk, the trailers (checksum, trailer signature) and the empty line that ends the body.
        boolean ended = false;
        while (position < framed.length && !ended) {
            ended = line().isEmpty();
        }
        return content.toByteArray();
    }

    /** The text up to the next CRLF, which is passed; the end of the body must not come first. */
    private String line() {
        int end = indexOfCrlf(position);
        if (end < 0) {
            throw S3Exception.incompleteBody("The aws-chunked body ends without the CRLF of a chunk or trailer line");
        }
        String line = new String(framed, position, end - position, StandardCharsets.US_ASCII);
        position = end + CRLF.length;
        return line;
    }

    private int indexOfCrlf(int from) {
        for (int i = from; i + 1 < framed.length; i++) {
            if (framed[i] == CRLF[0] && framed[i + 1] == CRLF[1]) {
                return i;
            }
        }
        return -1;
    }

    private static int chunkSize(String header) {
        int semicolon = header.indexOf(';');
        String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        if (!hex.matches("[0-9a-fA-F]{1,7}")) {
            throw S3Exception.incompleteBody("Not the header of an aws-chunked chunk: " + header);
        }
        return Integer.parseInt(hex, 16);
    }

    private static long length(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("x-amz-decoded-content-length is not a number: " + header);
        }
    }
}
