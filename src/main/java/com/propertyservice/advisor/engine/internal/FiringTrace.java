package com.propertyservice.advisor.engine.internal;

import com.propertyservice.advisor.engine.fact.Assessment;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;

/** The explanation trail of one evaluation: the rules that fired, in order. Never shared between calls. */
final class FiringTrace extends DefaultAgendaEventListener {

    private final Assessment assessment;
    private final List<String> fired = new ArrayList<>();

    FiringTrace(Assessment assessment) {
        this.assessment = assessment;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        fired.add(name);
        assessment.firing(name);
    }

    /** The rules that fired, in firing order; a rule re-activated by a later change appears each time it fired. */
    List<String> fired() {
        return fired;
    }
}
