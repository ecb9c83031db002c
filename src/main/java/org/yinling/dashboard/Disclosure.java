package org.yinling.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which counts of people one page (or report) may show a manager, so that no hidden count can be worked out from
 * what the same page shows (pen-test finding D7).
 * <p>
 * Every count of people on the page is a cell with an id; the page's additive relations are registered
 * ({@code total = part + part + …}: child rows and their parent, the pyramid's bands and the 60+/65+/80+/90+/100+
 * counts, entitlements by policy and in all). Counts of 1 to 4 are hidden as "&lt;5" (primary suppression, read as
 * "1 to 4"). Then, as long as some hidden cell can be recovered exactly from the relations and what is shown (by
 * linear algebra over the equations, and by bounds propagated through each relation and through the sum and
 * difference of any two relations that share a cell), one more cell of a relation around it is withheld as "*"
 * (complementary suppression, read as any number from 0 up): the smallest non-zero shown part first, then the
 * total, then a "&lt;5" is widened to "*", then a zero. Cells the page does not show at all (a street's communities
 * that are not listed) take part as unknowns; one of them with 1 to 4 people must not be recoverable either.
 * <p>
 * A share or a rate is hidden when a count of people it is computed from is hidden, or is itself 1 to 4 (a
 * percentage times its base gives back the count).
 */
final class Disclosure {

    static final String SMALL_MARK = "<" + SmallCounts.THRESHOLD;
    static final String WITHHELD_MARK = "*";
    static final long INF = Long.MAX_VALUE / 4;

    /** How a cell reaches the reader. */
    enum State {
        /** the number itself */
        SHOWN,
        /** "&lt;5": 1 to 4 */
        SMALL,
        /** "*": withheld so that another cell cannot be worked out */
        WITHHELD,
        /** not on the page at all, but part of a relation the page shows */
        UNSEEN
    }

    private final boolean active;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, State> states = new HashMap<>();
    private final List<Map<String, Integer>> relations = new ArrayList<>();
    private final Map<IndicatorValue, String> cellOf = new IdentityHashMap<>();
    private final Map<Object, List<String>> shareCells = new IdentityHashMap<>();
    private final Map<Object, Boolean> shareOfSmall = new IdentityHashMap<>();
    private final Map<String, List<String>> keyedShares = new HashMap<>();
    private final Set<String> keyedSmall = new HashSet<>();
    private final Map<String, String> aliases = new HashMap<>();

    Disclosure(boolean active) {
        this.active = active;
    }

    /** Shows everything: for roles that see the figures themselves. */
    static Disclosure none() {
        return new Disclosure(false);
    }

    boolean active() {
        return active;
    }

    // ---- building the page's cells and relations ---------------------------------------------------------------

    /** A count of people the page shows (the same id may be shown in several places, with the same value). */
    Disclosure count(String id, long value) {
        Long before = values.putIfAbsent(id, value);
        if (before != null && before != value) {
            throw new IllegalStateException("cell " + id + " shown as " + before + " and " + value);
        }
        states.putIfAbsent(id, State.SHOWN);
        if (states.get(id) == State.UNSEEN) {
            states.put(id, State.SHOWN);
        }
        return this;
    }

    /** An indicator value that is a count of people, shown as the cell {@code id}. */
    Disclosure count(String id, IndicatorValue value) {
        cellOf.put(value, id);
        return count(id, value.numerator());
    }

    /** A count of people the page does not show, but that takes part in a relation it shows. */
    Disclosure unseen(String id, long value) {
        if (!values.containsKey(id)) {
            values.put(id, value);
            states.put(id, State.UNSEEN);
        }
        return this;
    }

    /** Another name for a cell, for a place of the page that shows it (the care-gap list). */
    Disclosure alias(String key, String id) {
        aliases.put(key, id);
        return this;
    }

    /** The cell a key or alias stands for. */
    String resolve(String key) {
        return aliases.getOrDefault(key, key);
    }

    /** {@code total = parts…}, every id registered as a count or an unseen cell. */
    Disclosure relation(String total, List<String> parts) {
        if (parts.isEmpty()) {
            return this;
        }
        Map<String, Integer> relation = new LinkedHashMap<>();
        relation.merge(total, 1, Integer::sum);
        parts.forEach(part -> relation.merge(part, -1, Integer::sum));
        relation.values().removeIf(c -> c == 0);
        relations.add(relation);
        return this;
    }

    /**
     * A share or rate computed from the given count cells (and from other counts of people the page does not show,
     * {@code hiddenInputs}): hidden when one of the cells is hidden or one of the inputs is 1 to 4.
     */
    Disclosure share(Object share, List<String> cells, long... peopleInputs) {
        if (share == null) {
            return this;
        }
        shareCells.put(share, cells);
        shareOfSmall.put(share, anySmall(peopleInputs));
        return this;
    }

    /** Like {@link #share(Object, List, long...)} for a figure the page shows under a key rather than an object. */
    Disclosure share(String key, List<String> cells, long... peopleInputs) {
        keyedShares.put(key, cells);
        if (anySmall(peopleInputs)) {
            keyedSmall.add(key);
        }
        return this;
    }

    private static boolean anySmall(long... people) {
        for (long n : people) {
            if (n > 0 && n < SmallCounts.THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    // ---- protecting --------------------------------------------------------------------------------------------

    /** Primary suppression, then complementary suppression until no hidden cell can be recovered. */
    Disclosure protect() {
        if (!active) {
            return this;
        }
        values.forEach((id, value) -> {
            if (states.get(id) == State.SHOWN && value > 0 && value < SmallCounts.THRESHOLD) {
                states.put(id, State.SMALL);
            }
        });
        for (int round = 0; round <= 4 * values.size(); round++) {
            Optional<String> exposed = new Attack(values.keySet(), states, values, relations).firstRecovered(this::sensitive);
            if (exposed.isEmpty()) {
                return this;
            }
            if (!complement(exposed.get())) {
                return this;
            }
        }
        return this;
    }

    /** A cell whose exact value must not be derivable. */
    private boolean sensitive(String id) {
        State state = states.get(id);
        long value = values.get(id);
        return state == State.SMALL || state == State.WITHHELD
                || state == State.UNSEEN && value > 0 && value < SmallCounts.THRESHOLD;
    }

    /** Withholds one more cell near the exposed one; false when nothing is left to withhold. */
    private boolean complement(String exposed) {
        Set<Integer> seen = new HashSet<>();
        Set<String> reached = new LinkedHashSet<>(List.of(exposed));
        Deque<String> queue = new ArrayDeque<>(List.of(exposed));
        List<Map<String, Integer>> around = new ArrayList<>();
        while (!queue.isEmpty()) {
            String cell = queue.poll();
            for (int i = 0; i < relations.size(); i++) {
                Map<String, Integer> relation = relations.get(i);
                if (relation.containsKey(cell) && seen.add(i)) {
                    around.add(relation);
                }
            }
            // in rings: the relations of the exposed cell first, then those of the hidden cells they reach
            if (queue.isEmpty()) {
                if (withholdIn(around)) {
                    return true;
                }
                for (Map<String, Integer> relation : around) {
                    for (String other : relation.keySet()) {
                        if (states.get(other) != State.SHOWN && reached.add(other)) {
                            queue.add(other);
                        }
                    }
                }
                around = new ArrayList<>();
            }
        }
        return false;
    }

    private boolean withholdIn(List<Map<String, Integer>> around) {
        Comparator<String> smallestFirst = Comparator.comparingLong(values::get);
        List<String> parts = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (Map<String, Integer> relation : around) {
            relation.forEach((id, c) -> (c > 0 ? totals : parts).add(id));
        }
        // the smallest non-zero shown part, the total, a "<5" widened to "*" (totals first), a zero
        Optional<String> pick = parts.stream().filter(id -> states.get(id) == State.SHOWN && values.get(id) > 0)
                .min(smallestFirst)
                .or(() -> totals.stream().filter(id -> states.get(id) == State.SHOWN && values.get(id) > 0).min(smallestFirst))
                .or(() -> totals.stream().filter(id -> states.get(id) == State.SMALL).findFirst())
                .or(() -> parts.stream().filter(id -> states.get(id) == State.SMALL).min(smallestFirst))
                .or(() -> parts.stream().filter(id -> states.get(id) == State.SHOWN).findFirst())
                .or(() -> totals.stream().filter(id -> states.get(id) == State.SHOWN).findFirst());
        pick.ifPresent(id -> states.put(id, State.WITHHELD));
        return pick.isPresent();
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    State state(String id) {
        return active ? states.getOrDefault(id, State.SHOWN) : State.SHOWN;
    }

    boolean hidden(String id) {
        State state = state(id);
        return state == State.SMALL || state == State.WITHHELD;
    }

    long value(String id) {
        Long value = values.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return value;
    }

    /** The cell an indicator value is shown as, if it is a registered count. */
    Optional<String> cellOf(IndicatorValue value) {
        return Optional.ofNullable(cellOf.get(value));
    }

    /** Whether a share or rate registered with {@link #share(Object, List, long...)} must be hidden. */
    boolean hiddenShare(Object share) {
        if (!active || !shareCells.containsKey(share)) {
            return false;
        }
        return shareOfSmall.get(share) || shareCells.get(share).stream().anyMatch(this::hidden);
    }

    boolean hiddenShare(String key) {
        if (!active || !keyedShares.containsKey(key)) {
            return false;
        }
        return keyedSmall.contains(key) || keyedShares.get(key).stream().anyMatch(this::hidden);
    }

    /** What the reader sees for a hidden cell: "&lt;5" or "*"; null when the cell is shown. */
    String mark(String id) {
        return switch (state(id)) {
            case SMALL -> SMALL_MARK;
            case WITHHELD, UNSEEN -> WITHHELD_MARK;
            case SHOWN -> null;
        };
    }

    /**
     * The attacker's reasoning, used to decide what to withhold: every relation, and the sum and difference of any
     * two that share a cell, with the bounds the reader knows ("&lt;5": 1–4, "*" and unseen: 0 or more, shown:
     * exactly), propagated to a fixed point; plus linear algebra over the equations alone.
     */
    static final class Attack {

        private final List<String> unknowns = new ArrayList<>();
        private final Map<String, long[]> bounds = new HashMap<>();
        private final List<Map<String, Integer>> relations;
        private final Map<String, Long> shown = new HashMap<>();

        Attack(Iterable<String> cells, Map<String, State> states, Map<String, Long> values,
               List<Map<String, Integer>> relations) {
            for (String id : cells) {
                switch (states.get(id)) {
                    case SHOWN -> shown.put(id, values.get(id));
                    case SMALL -> unknown(id, 1, SmallCounts.THRESHOLD - 1);
                    case WITHHELD, UNSEEN -> unknown(id, 0, INF);
                }
            }
            this.relations = combined(relations);
        }

        /** For the attacker test: cells it reads off a page, and the bounds the page's marks give. */
        Attack(Map<String, Long> shown, Map<String, long[]> hidden, List<Map<String, Integer>> relations) {
            this.shown.putAll(shown);
            hidden.forEach((id, b) -> unknown(id, b[0], b[1]));
            this.relations = combined(relations);
        }

        private void unknown(String id, long lo, long hi) {
            unknowns.add(id);
            bounds.put(id, new long[] {lo, hi});
        }

        static List<Map<String, Integer>> combined(List<Map<String, Integer>> relations) {
            List<Map<String, Integer>> all = new ArrayList<>(relations);
            for (int i = 0; i < relations.size(); i++) {
                for (int j = i + 1; j < relations.size(); j++) {
                    Map<String, Integer> a = relations.get(i);
                    Map<String, Integer> b = relations.get(j);
                    if (a.keySet().stream().noneMatch(b::containsKey)) {
                        continue;
                    }
                    for (int sign : new int[] {1, -1}) {
                        Map<String, Integer> c = new LinkedHashMap<>(a);
                        b.forEach((id, k) -> c.merge(id, sign * k, Integer::sum));
                        c.values().removeIf(k -> k == 0);
                        if (!c.isEmpty()) {
                            all.add(c);
                        }
                    }
                }
            }
            return all;
        }

        /** The first cell (in the order given) matching {@code which} whose value the page gives away exactly. */
        Optional<String> firstRecovered(java.util.function.Predicate<String> which) {
            Set<String> recovered = recovered();
            return unknowns.stream().filter(which).filter(recovered::contains).findFirst();
        }

        /** Every hidden cell whose exact value follows from what is shown. */
        Set<String> recovered() {
            propagate();
            Set<String> recovered = new LinkedHashSet<>();
            for (String id : unknowns) {
                long[] b = bounds.get(id);
                if (b[0] == b[1]) {
                    recovered.add(id);
                }
            }
            recovered.addAll(determinedByEquations());
            return recovered;
        }

        long[] bounds(String id) {
            return bounds.get(id);
        }

        private void propagate() {
            boolean changed = true;
            for (int round = 0; changed && round < 200; round++) {
                changed = false;
                for (Map<String, Integer> relation : relations) {
                    changed |= propagate(relation);
                }
            }
        }

        /** Σ c·x = 0 over the relation's cells; tightens each unknown from the others' bounds. */
        private boolean propagate(Map<String, Integer> relation) {
            long constant = 0;
            List<String> vars = new ArrayList<>();
            for (Map.Entry<String, Integer> e : relation.entrySet()) {
                if (shown.containsKey(e.getKey())) {
                    constant += e.getValue() * shown.get(e.getKey());
                } else if (bounds.containsKey(e.getKey())) {
                    vars.add(e.getKey());
                } else {
                    return false;                      // a cell nobody registered: nothing to learn
                }
            }
            boolean changed = false;
            for (String x : vars) {
                // c_x·x = −constant − Σ_{y≠x} c_y·y
                long lo = -constant;
                long hi = -constant;
                for (String y : vars) {
                    if (y.equals(x)) {
                        continue;
                    }
                    int c = relation.get(y);
                    long[] b = bounds.get(y);
                    long min = c > 0 ? mul(c, b[0]) : mul(c, b[1]);
                    long max = c > 0 ? mul(c, b[1]) : mul(c, b[0]);
                    lo = sub(lo, max);
                    hi = sub(hi, min);
                }
                int c = relation.get(x);
                long newLo;
                long newHi;
                if (Math.abs(c) != 1) {
                    continue;
                }
                if (c > 0) {
                    newLo = lo;
                    newHi = hi;
                } else {
                    newLo = neg(hi);
                    newHi = neg(lo);
                }
                long[] b = bounds.get(x);
                if (newLo > b[0] && newLo < INF) {
                    b[0] = newLo;
                    changed = true;
                }
                if (newHi < b[1] && newHi > -INF) {
                    b[1] = newHi;
                    changed = true;
                }
            }
            return changed;
        }

        private static long mul(int c, long v) {
            if (v >= INF) {
                return c > 0 ? INF : -INF;
            }
            if (v <= -INF) {
                return c > 0 ? -INF : INF;
            }
            return c * v;
        }

        /** a − b with ±INF standing for unbounded (a and b are never infinite the same way). */
        private static long sub(long a, long b) {
            if (a >= INF || b <= -INF) {
                return INF;
            }
            if (a <= -INF || b >= INF) {
                return -INF;
            }
            return a - b;
        }

        private static long neg(long v) {
            return v >= INF ? -INF : v <= -INF ? INF : -v;
        }

        /** Unknowns x for which the unit vector e_x lies in the row space of the equations (over the unknowns). */
        private Set<String> determinedByEquations() {
            Map<String, Integer> column = new HashMap<>();
            for (String id : unknowns) {
                column.put(id, column.size());
            }
            List<double[]> rows = new ArrayList<>();
            for (Map<String, Integer> relation : relations) {
                double[] row = new double[column.size()];
                boolean any = false;
                boolean foreign = false;
                for (Map.Entry<String, Integer> e : relation.entrySet()) {
                    Integer col = column.get(e.getKey());
                    if (col != null) {
                        row[col] += e.getValue();
                        any = true;
                    } else if (!shown.containsKey(e.getKey())) {
                        foreign = true;
                    }
                }
                if (any && !foreign) {
                    rows.add(row);
                }
            }
            int n = column.size();
            int rank = 0;
            int[] pivotOf = new int[rows.size()];
            for (int col = 0; col < n && rank < rows.size(); col++) {
                int best = -1;
                for (int r = rank; r < rows.size(); r++) {
                    if (Math.abs(rows.get(r)[col]) > 1e-9 && (best < 0 || Math.abs(rows.get(r)[col]) > Math.abs(rows.get(best)[col]))) {
                        best = r;
                    }
                }
                if (best < 0) {
                    continue;
                }
                double[] pivot = rows.get(best);
                rows.set(best, rows.get(rank));
                rows.set(rank, pivot);
                double p = pivot[col];
                for (int k = 0; k < n; k++) {
                    pivot[k] /= p;
                }
                for (int r = 0; r < rows.size(); r++) {
                    if (r != rank && Math.abs(rows.get(r)[col]) > 1e-9) {
                        double f = rows.get(r)[col];
                        double[] row = rows.get(r);
                        for (int k = 0; k < n; k++) {
                            row[k] -= f * pivot[k];
                        }
                    }
                }
                pivotOf[rank] = col;
                rank++;
            }
            Set<String> determined = new HashSet<>();
            for (int r = 0; r < rank; r++) {
                double[] row = rows.get(r);
                int nonZero = 0;
                for (double v : row) {
                    if (Math.abs(v) > 1e-9) {
                        nonZero++;
                    }
                }
                if (nonZero == 1) {
                    determined.add(unknowns.get(pivotOf[r]));
                }
            }
            return determined;
        }
    }
}
