package io.quartermaster.bench.load;

/**
 * One buyer's attempt: the verdict, what was answered ({@code "201"}, {@code "409 Insufficient
 * stock"}, {@code "lock taken"}, {@code "40P01 deadlock"} …) and how many times the client or
 * driver had to try again before it had that answer.
 */
record Attempt(Verdict verdict, String answer, int retries) {

    static Attempt sold(String answer, int retries) {
        return new Attempt(Verdict.SOLD, answer, retries);
    }
}
