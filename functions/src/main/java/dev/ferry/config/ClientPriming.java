package dev.ferry.config;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes one harmless read with every SDK client a function built during init, just before SnapStart
 * takes its snapshot, so that the snapshot holds the client's request path already loaded and linked
 * (marshalling, signing, the HTTP client, error parsing) and the first invocation after a restore does
 * not pay for it. A call may well fail (the function's role may not allow it, the answer does not
 * matter): a failure is expected and ignored. Without a checkpoint (the rehearsal, a JVM without
 * SnapStart) nothing calls {@link #beforeCheckpoint}, and no call is ever made.
 */
public final class ClientPriming implements Resource {

    private final List<Runnable> calls = new CopyOnWriteArrayList<>();
    private volatile boolean registered;

    /** Adds a client's harmless call; the first one registers this priming with the CRaC runtime. */
    void add(Runnable call) {
        calls.add(call);
        if (!registered) {
            synchronized (this) {
                if (!registered) {
                    Core.getGlobalContext().register(this);
                    registered = true;
                }
            }
        }
    }

    /** Makes every call once; returns how many completed without an error. */
    public int primeAll() {
        int answered = 0;
        for (Runnable call : calls) {
            try {
                call.run();
                answered++;
            } catch (RuntimeException expected) {
                // An error answer loads and links the same request path as a success.
            }
        }
        return answered;
    }

    /** How many calls are waiting for the checkpoint. */
    public int size() {
        return calls.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeAll();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the clients resolve credentials and connections again as they need them.
    }
}
