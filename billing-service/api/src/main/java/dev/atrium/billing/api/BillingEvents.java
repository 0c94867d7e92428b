package dev.atrium.billing.api;

/** Topic billing-service publishes balance changes on. */
public final class BillingEvents {

    public static final String BALANCE_TOPIC = "atrium.billing.balance";
    public static final String SOURCE = "/atrium/billing-service";
    /** Payload {@link BalanceChanged}, keyed by organization id. */
    public static final String BALANCE_CHANGED = "dev.atrium.billing.balance.changed.v1";

    private BillingEvents() {
    }
}
