package com.propertyservice.advisor.knowledge;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.ServiceArea;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the knowledge base gives through the public API, beyond what single scenarios pin down. */
class KnowledgeBaseAdviceTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final List<String> CONTRACT_ISSUES = List.of(
            "security-patrol", "theft", "access-control", "fire-safety",
            "lift-outage", "water-outage", "power-outage", "gas-leak", "repair-delay", "corridor-lighting",
            "public-area-hygiene", "garbage-collection", "greening", "pet-nuisance",
            "staff-attitude", "fees-dispute", "door-to-door-visit", "notice-overload",
            "parking-space-occupied", "parking-fees",
            "noise", "renovation-noise", "facade-alteration", "shared-facility-misuse", "community-event", "lobby-decoration");

    @Test
    void catalogueHoldsEveryIssueKeyOfTheContract() {
        List<String> missing = CONTRACT_ISSUES.stream().filter(k -> !KnowledgeBase.advisor().knownIssues().contains(k)).toList();
        assertTrue(missing.isEmpty(), () -> "issue keys of the contract missing from rules/catalogue: " + missing);
    }

    @Test
    void squareDancingBeforeDawnGoesToTheAuthorityWithCommunicationAmongTheHeaviestPrinciples() {
        Incident caseA = Incident.builder()
                .reportedAt(OffsetDateTime.parse("2026-05-12T05:40:00+08:00"))
                .channel(Channel.PHONE).community("A小区").serviceArea(ServiceArea.COMMUNITY_LIFE).issue("noise")
                .summary("广场上不到六点就放音乐跳舞").causedBy(CausedBy.PUBLIC).withinJurisdiction(false)
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET)).build();
        for (Language language : Language.values()) {
            Advice advice = KnowledgeBase.advisor().advise(caseA, language);
            assertEquals(Escalation.EXTERNAL_AUTHORITY, advice.escalation());
            List<Principle> top = advice.principles().stream().limit(3).map(Advice.PrincipleAdvice::code).toList();
            assertTrue(top.contains(Principle.GOOD_COMMUNICATION), () -> "the three heaviest principles are " + top);
            assertTrue(advice.complaintCauses().isEmpty(), "the public caused it: no complaint cause of ours");
            assertTrue(advice.actions().stream().anyMatch(a -> a.code().equals("action.jurisdiction.coordinate-authority")));
        }
    }

    @Test
    void everyIssueGetsACompleteAdviceWhateverTheContext() {
        Advisor advisor = KnowledgeBase.advisor();
        List<String> gaps = new ArrayList<>();
        for (String issue : advisor.knownIssues()) {
            for (Emotion emotion : Emotion.values()) {
                for (CausedBy causedBy : CausedBy.values()) {
                    for (boolean within : new boolean[] {true, false}) {
                        for (Channel channel : new Channel[] {Channel.PATROL, Channel.MEDIA}) {
                            Incident incident = Incident.builder().channel(channel).community("测试小区").serviceArea(ServiceArea.SECURITY)
                                    .issue(issue).summary("test").causedBy(causedBy).withinJurisdiction(within)
                                    .complainant(Complainant.of(ComplainantRole.OWNER, emotion)).build();
                            Advice advice = advisor.advise(incident);
                            String where = issue + "/" + emotion + "/" + causedBy + "/" + within + "/" + channel;
                            if (advice.kanoFactor() == null || advice.qualityDimension() == null || advice.priority() == null
                                    || advice.respondWithin() == null || advice.resolveWithin() == null || advice.escalation() == null
                                    || advice.followUp() == null || advice.followUp().within() == null) {
                                gaps.add(where + ": missing classification, priority, a target, escalation or follow-up");
                            } else if (advice.respondWithin().compareTo(advice.resolveWithin()) > 0) {
                                gaps.add(where + ": respond target " + advice.respondWithin() + " later than resolve target " + advice.resolveWithin());
                            }
                            List<HandlingStep> steps = advice.steps().stream().filter(s -> !s.actions().isEmpty()).map(Advice.StepAdvice::code).toList();
                            if (!steps.equals(Arrays.asList(HandlingStep.values()))) {
                                gaps.add(where + ": steps " + steps);
                            }
                            boolean ours = causedBy == CausedBy.PROPERTY_SERVICE || issue.equals("staff-attitude");
                            if (!ours && !advice.complaintCauses().isEmpty()) {
                                gaps.add(where + ": complaint causes " + advice.complaintCauses() + " though we are not at fault");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(gaps.isEmpty(), () -> gaps.size() + " incomplete advices, e.g.\n" + String.join("\n", gaps.subList(0, Math.min(20, gaps.size()))));
    }

    @Test
    void chineseAdviceIsInChineseAndEnglishAdviceIsNot() {
        Incident incident = Incident.builder().channel(Channel.PHONE).community("阳光花园").serviceArea(ServiceArea.ENGINEERING)
                .issue("lift-outage").summary("电梯又坏了").causedBy(CausedBy.PROPERTY_SERVICE).occurrences(2)
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY)).expectation(4).perception(2).build();
        Advice zh = KnowledgeBase.advisor().advise(incident, Language.ZH_CN);
        Advice en = KnowledgeBase.advisor().advise(incident, Language.EN);
        List<String> zhTexts = texts(zh);
        List<String> enTexts = texts(en);
        assertEquals(zhTexts.size(), enTexts.size());
        zhTexts.forEach(t -> assertTrue(HAN.matcher(t).find(), () -> "a Chinese advice text without Chinese: " + t));
        enTexts.forEach(t -> assertTrue(!HAN.matcher(t).find() && !t.matches("^(action|caution|reason|step)\\..*"),
                () -> "an English advice text that is Chinese or an unresolved code: " + t));
    }

    private static List<String> texts(Advice advice) {
        List<String> texts = new ArrayList<>();
        advice.principles().forEach(p -> texts.add(p.reason()));
        advice.steps().forEach(s -> texts.addAll(s.actions()));
        advice.actions().forEach(a -> texts.add(a.text()));
        texts.addAll(advice.cautions());
        return texts;
    }
}
