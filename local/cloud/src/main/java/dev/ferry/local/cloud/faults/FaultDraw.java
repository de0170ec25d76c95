package dev.ferry.local.cloud.faults;

import java.util.List;

/**
 * Which fault a draw from 0 to 99 falls on when each fault takes its percentage of that range, in
 * order: the Lambda, service and event faults are all chosen this way.
 */
public final class FaultDraw {

    private FaultDraw() {
    }

    /**
     * The fault whose share of 0 to 99 holds {@code draw}, or {@code none} past them all.
     *
     * @param faults   the faults, in the order their shares follow each other
     * @param percents each fault's share, in the same order
     */
    public static <F> F pick(int draw, F none, List<F> faults, int... percents) {
        if (faults.size() != percents.length) {
            throw new IllegalArgumentException(faults.size() + " faults but " + percents.length + " percentages");
        }
        int upTo = 0;
        for (int index = 0; index < percents.length; index++) {
            upTo += percents[index];
            if (draw < upTo) {
                return faults.get(index);
            }
        }
        return none;
    }
}
