package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The explanation trail of one evaluation: the rules that fired, in order. It also keeps the
 * evaluation to its time budget: before each firing it looks at the clock, and past the deadline
 * it halts the session (the caller then reports the overrun). Never shared between calls.
 */
final class FiringTrace extends DefaultAgendaEventListener {

    private final Assessment assessment;
    private final long deadline;
    private final List<String> fired = new ArrayList<>();
    private boolean overran;

    /** {@code deadline} in {@link System#nanoTime()} terms; {@code assessment} null in a session of days alone. */
    FiringTrace(Assessment assessment, long deadline) {
        this.assessment = assessment;
        this.deadline = deadline;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (System.nanoTime() - deadline > 0 && !overran) {
            overran = true;
            event.getKieRuntime().halt();
        }
        String name = event.getMatch().getRule().getName();
        fired.add(name);
        if (assessment != null) { // null in a session of days alone (the working hours)
            assessment.firing(name);
        }
    }

    /** The rules that fired, in firing order; a rule re-activated by a later change appears each time it fired. */
    List<String> fired() {
        return fired;
    }

    /** Whether the deadline passed while rules were still firing. */
    boolean overran() {
        return overran;
    }
}
