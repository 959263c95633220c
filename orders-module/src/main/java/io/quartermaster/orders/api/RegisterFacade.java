package io.quartermaster.orders.api;

import java.util.List;
import java.util.Optional;

/**
 * Registers (DESIGN.md §9): point-of-sale clients that sell offline from their allotments.
 * Unknown registers and registers of another caller are {@code NotFound}; a register is seen by
 * its own API client and by staff.
 */
public interface RegisterFacade {

    /** A new OPEN register; refused when the code is taken or the location does not exist. */
    RegisterView create(NewRegister register, String actor);

    /** From now on the register uses the key of this API client ({@code owner} "client:&lt;id&gt;"). */
    void useKeyOf(String code, String owner);

    /** Every register, for staff. */
    List<RegisterView> registers();

    Optional<RegisterView> register(String code, Viewer viewer);

    /**
     * Aims the register's allotments at these targets through the stock batches (the same row
     * locks and group commit as every reservation); each line's {@code shortBy} says what was not available.
     */
    RegisterView setAllotments(String code, AllotmentTargets targets, Viewer viewer);

    /**
     * A one-time code (valid {@code minutes}) that pairs a device with the register; a newer code
     * replaces any unspent older one.
     */
    PairingView startPairing(String code, Viewer viewer, int minutes);

    /** Spends a pairing code: the register it was for, or empty when it is wrong, spent or expired. */
    Optional<PairedRegister> pair(String pairingCode);

    /**
     * Records the register's sales, each once per its id (DESIGN.md §9 "Settlement"), through the
     * stock batches; a card taken offline is captured first. Only the register itself sends its
     * sales: anyone else is told it does not exist.
     */
    RegisterSales.Settled recordSales(String code, RegisterSales sales, Viewer viewer);

    /**
     * Closes the register once every sale up to {@code lastSeq} is recorded: what it still holds
     * goes back to available stock. With sales missing, {@code SalesMissing} (409) lists them and
     * nothing changes.
     */
    RegisterView close(String code, long lastSeq, Viewer viewer);

    /**
     * Staff close a register that is gone with sales it may never send (DESIGN.md §9): LOST, it
     * records no more sales as orders, and what it holds stays reserved until a count of its
     * location gives it back. Sales it sends later are kept as discrepancies.
     */
    RegisterView closeAsLost(String code, Viewer viewer);

    /** The register's sales that need staff: discrepancies and declined cards, newest first (at most 200). */
    List<RegisterSaleView> needingAttention(String code, Viewer viewer);
}
