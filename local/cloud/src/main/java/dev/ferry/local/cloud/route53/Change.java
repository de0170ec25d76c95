package dev.ferry.local.cloud.route53;

/**
 * One change of a change batch.
 *
 * @param action    CREATE, DELETE or UPSERT
 * @param recordSet the record set
 */
record Change(Action action, RecordSet recordSet) {

    enum Action { CREATE, DELETE, UPSERT }

    String describe() {
        return action + " " + recordSet.name() + " " + recordSet.type()
                + (recordSet.setIdentifier() == null ? "" : " " + recordSet.setIdentifier());
    }

    /** How Route 53 names the change in an InvalidInput message. */
    String context() {
        return "Change with [Action=" + action + ", Name=" + recordSet.name() + ", Type=" + recordSet.type()
                + ", SetIdentifier=" + recordSet.setIdentifier() + "]";
    }
}
