package dev.ferry.local.rehearsal.standin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's own block of loopback addresses, {@code 127.<n>.0.0/16}: its simulated instances and its
 * service fronts listen there, so that two runs on one machine (a developer's and CI's) never take
 * each other's addresses or answer each other's probes. A block is held by listening on
 * {@code 127.<n>.0.1} at {@link #CLAIM_PORT} for as long as the run lasts: the operating system
 * then keeps it from every other run and frees it when the run ends, however it ends. The first
 * free block is taken, so a run alone on the machine gets 127.0 and the familiar 127.0.x.y.
 */
public final class LoopbackBlock implements AutoCloseable {

    /** The port whose listener on a block's first address holds the block. */
    static final int CLAIM_PORT = 47_391;
    private static final int BLOCKS = 255;
    private static final Pattern IN_FIRST_BLOCK = Pattern.compile("(?<![\\d.])127\\.0\\.(\\d{1,3}\\.\\d{1,3})(?!\\d)");

    private final int number;
    private final ServerSocket claim;

    private LoopbackBlock(int number, ServerSocket claim) {
        this.number = number;
        this.claim = claim;
    }

    /**
     * Takes the first block no other run holds.
     *
     * @throws StandInException when every block is held
     */
    public static LoopbackBlock claim() {
        for (int number = 0; number < BLOCKS; number++) {
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127." + number + ".0.1"), CLAIM_PORT));
                return new LoopbackBlock(number, socket);
            } catch (IOException held) {
                closeQuietly(socket);
            }
        }
        throw new StandInException("Every loopback block from 127.0 to 127.254 is held by another run on this "
                + "machine (each holds 127.<n>.0.1 port " + CLAIM_PORT + "); end one of them and start again");
    }

    /** The block's second octet: 0 for 127.0.0.0/16. */
    public int number() {
        return number;
    }

    /** The first two octets of the block's addresses, e.g. {@code 127.3}. */
    public String network() {
        return "127." + number;
    }

    /** An address of the first block moved into this one (127.0.20.10 to 127.3.20.10); any other as it is. */
    public String move(String address) {
        Matcher matcher = IN_FIRST_BLOCK.matcher(address);
        return matcher.matches() ? network() + "." + matcher.group(1) : address;
    }

    /** Every 127.0.x.y address in the text moved into this block. */
    public String moveAll(String text) {
        return moveAll(text, number);
    }

    /** Every 127.0.x.y address in the text moved into block {@code 127.<number>}, held by this run or another. */
    public static String moveAll(String text, int number) {
        return IN_FIRST_BLOCK.matcher(text).replaceAll("127." + number + ".$1");
    }

    @Override
    public void close() throws IOException {
        claim.close();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Never bound: nothing to release.
        }
    }
}
