package care.m2m.gateway.value;

/** Where a fault lands in the value matrix; the quadrant picks the ticket policy. */
public enum Quadrant {
    /** low money, low emotion: automation first, a ticket only when it failed */
    A,
    /** high money, low emotion */
    B,
    /** high money, high emotion: a person at once */
    C,
    /** low money, high emotion */
    D;

    public static Quadrant of(boolean highMoney, boolean highEmotion) {
        if (highMoney) {
            return highEmotion ? C : B;
        }
        return highEmotion ? D : A;
    }
}
