package com.propertyservice.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.Fault;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Referral;
import com.propertyservice.advisor.engine.ServiceArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the knowledge base gives through the public API, beyond what single scenarios pin down. */
class KnowledgeBaseAdviceTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final List<String> CONTRACT_ISSUES = List.of(
            "security-patrol",
            "theft",
            "access-control",
            "fire-safety",
            "lift-outage",
            "water-outage",
            "power-outage",
            "gas-leak",
            "repair-delay",
            "corridor-lighting",
            "public-area-hygiene",
            "garbage-collection",
            "greening",
            "pet-nuisance",
            "staff-attitude",
            "fees-dispute",
            "door-to-door-visit",
            "notice-overload",
            "parking-space-occupied",
            "parking-fees",
            "noise",
            "renovation-noise",
            "facade-alteration",
            "shared-facility-misuse",
            "community-event",
            "lobby-decoration");

    @Test
    void catalogueHoldsEveryIssueKeyOfTheContract() {
        List<String> missing = CONTRACT_ISSUES.stream()
                .filter(k -> !KnowledgeBase.advisor().knownIssues().contains(k))
                .toList();
        assertTrue(missing.isEmpty(), () -> "issue keys of the contract missing from rules/catalogue: " + missing);
    }

    @Test
    void squareDancingBeforeDawnIsReferredToTheAuthorityWithCommunicationAmongTheHeaviestPrinciples() {
        Incident caseA = Incident.builder()
                .reportedAt(OffsetDateTime.parse("2026-05-12T05:40:00+08:00"))
                .channel(Channel.PHONE)
                .community("A小区")
                .serviceArea(ServiceArea.COMMUNITY_LIFE)
                .issue("noise")
                .summary("广场上不到六点就放音乐跳舞")
                .causedBy(CausedBy.PUBLIC)
                .withinJurisdiction(false)
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                .build();
        for (Language language : Language.values()) {
            Advice advice = KnowledgeBase.advisor().advise(caseA, language);
            assertTrue(advice.referral().contains(Referral.EXTERNAL_AUTHORITY), () -> "referral " + advice.referral());
            assertTrue(
                    advice.escalation() != Escalation.EXTERNAL_AUTHORITY,
                    "outside bodies are referrals; escalation names who owns it inside");
            assertEquals(Fault.NOT_OURS, advice.fault());
            List<Principle> top = advice.principles().stream()
                    .limit(3)
                    .map(Advice.PrincipleAdvice::code)
                    .toList();
            assertTrue(top.contains(Principle.GOOD_COMMUNICATION), () -> "the three heaviest principles are " + top);
            assertTrue(advice.complaintCauses().isEmpty(), "the public caused it: no complaint cause of ours");
            assertTrue(advice.actions().stream()
                    .anyMatch(a -> a.code().equals("action.jurisdiction.coordinate-authority")));
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
                            Incident incident = Incident.builder()
                                    .channel(channel)
                                    .community("测试小区")
                                    .serviceArea(ServiceArea.SECURITY)
                                    .issue(issue)
                                    .summary("test")
                                    .causedBy(causedBy)
                                    .withinJurisdiction(within)
                                    .complainant(Complainant.of(ComplainantRole.OWNER, emotion))
                                    .build();
                            Advice advice = advisor.advise(incident);
                            String where = issue + "/" + emotion + "/" + causedBy + "/" + within + "/" + channel;
                            if (advice.kanoFactor() == null
                                    || advice.qualityDimension() == null
                                    || advice.priority() == null
                                    || advice.respondWithin() == null
                                    || advice.resolveWithin() == null
                                    || advice.escalation() == null
                                    || advice.followUp() == null
                                    || advice.followUp().within() == null) {
                                gaps.add(where
                                        + ": missing classification, priority, a target, escalation or follow-up");
                            } else if (advice.respondWithin().compareTo(advice.resolveWithin()) > 0) {
                                gaps.add(where + ": respond target " + advice.respondWithin()
                                        + " later than resolve target " + advice.resolveWithin());
                            }
                            List<HandlingStep> steps = advice.steps().stream()
                                    .filter(s -> !s.actions().isEmpty())
                                    .map(Advice.StepAdvice::code)
                                    .toList();
                            if (!steps.equals(Arrays.asList(HandlingStep.values()))) {
                                gaps.add(where + ": steps " + steps);
                            }
                            boolean ours = causedBy == CausedBy.PROPERTY_SERVICE || OUR_CONDUCT.contains(issue);
                            if (!ours && !advice.complaintCauses().isEmpty()) {
                                gaps.add(where + ": complaint causes " + advice.complaintCauses()
                                        + " though we are not at fault");
                            }
                            if (advice.fault() == null || (ours && advice.fault() != Fault.OURS)) {
                                gaps.add(where + ": fault " + advice.fault());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(
                gaps.isEmpty(),
                () -> gaps.size() + " incomplete advices, e.g.\n"
                        + String.join("\n", gaps.subList(0, Math.min(20, gaps.size()))));
    }

    /** Issues whose failure is our own staff's conduct by definition (the catalogue's OUR_CONDUCT). */
    private static final List<String> OUR_CONDUCT =
            List.of("security-patrol", "repair-delay", "staff-attitude", "door-to-door-visit", "notice-overload");

    @Test
    void everyKindOfContactFromEverySideGetsAdviceThatFitsIt() {
        Advisor advisor = KnowledgeBase.advisor();
        List<String> wrong = new ArrayList<>();
        for (String issue : advisor.knownIssues()) {
            for (ContactKind kind : ContactKind.values()) {
                for (ComplainantSide side : ComplainantSide.values()) {
                    for (Channel channel : Channel.values()) {
                        Incident incident = Incident.builder()
                                .kind(kind)
                                .channel(channel)
                                .community("测试小区")
                                .serviceArea(ServiceArea.SECURITY)
                                .issue(issue)
                                .summary("test")
                                .location("1号楼")
                                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET)
                                        .withSide(side))
                                .build();
                        Advice advice = advisor.advise(incident);
                        String where = issue + "/" + kind + "/" + side + "/" + channel;
                        List<String> said = said(advice);
                        if (advice.kind() == null
                                || advice.fault() == null
                                || advice.priority() == null
                                || advice.escalation() == null
                                || advice.respondWithin() == null
                                || advice.resolveWithin() == null) {
                            wrong.add(where + ": missing kind, fault, priority, escalation or a target");
                        }
                        if (advice.escalation() == Escalation.EXTERNAL_AUTHORITY) {
                            wrong.add(where + ": an outside body as escalation instead of a referral");
                        }
                        if (kind == ContactKind.EMERGENCY && advice.kind() != ContactKind.EMERGENCY) {
                            wrong.add(where + ": an emergency was lowered to " + advice.kind());
                        }
                        if ((advice.kind() == ContactKind.EMERGENCY)
                                == advice.safetySteps().isEmpty()) {
                            wrong.add(where + ": safety steps "
                                    + advice.safetySteps().size() + " for kind " + advice.kind());
                        }
                        List<HandlingStep> steps = advice.steps().stream()
                                .filter(s -> !s.actions().isEmpty())
                                .map(Advice.StepAdvice::code)
                                .toList();
                        if (!steps.equals(Arrays.asList(HandlingStep.values()))) {
                            wrong.add(where + ": steps " + steps);
                        }
                        if (advice.fault() != Fault.OURS
                                && !advice.complaintCauses().isEmpty()) {
                            wrong.add(where + ": causes " + advice.complaintCauses() + " with fault " + advice.fault());
                        }
                        if ((kind == ContactKind.PRAISE || kind == ContactKind.SUGGESTION)
                                && (said.contains(text("step.acknowledge.sorry-for-trouble"))
                                        || said.contains(text("step.acknowledge.admit-fault")))) {
                            wrong.add(where + ": an apology for a " + kind);
                        }
                        if (channel != Channel.WALK_IN && said.contains(text("step.vent.quiet-place"))) {
                            wrong.add(where + ": the reception room for a contact by " + channel);
                        }
                        if (side == ComplainantSide.OFFENDER
                                && (said.contains(text("action.rights.restore-first"))
                                        || said.contains(text("step.acknowledge.sorry-for-trouble")))) {
                            wrong.add(where + ": the wronged party's remedy offered to the offender");
                        }
                        if (advice.kind() != ContactKind.PRAISE && advice.followUp() == null) {
                            wrong.add(where + ": no follow-up");
                        }
                    }
                }
            }
        }
        assertTrue(
                wrong.isEmpty(),
                () -> wrong.size() + " advices that do not fit, e.g.\n"
                        + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
    }

    /** Every text of a (Chinese) advice. */
    private static List<String> said(Advice advice) {
        return new ArrayList<>(KnowledgeBase.texts(advice));
    }

    private static Properties chinese;

    /** The Chinese wording of a text code, as rules/texts has it. */
    private static synchronized String text(String code) {
        if (chinese == null) {
            chinese = new Properties();
            try (var files = Files.newDirectoryStream(KnowledgeBase.RULES.resolve("texts"), "*.zh-CN.properties")) {
                for (Path file : files) {
                    try (var reader = Files.newBufferedReader(file)) {
                        chinese.load(reader);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = chinese.getProperty(code);
        if (text == null) {
            throw new IllegalArgumentException("no text for " + code);
        }
        return text.strip();
    }

    @Test
    void chineseAdviceIsInChineseAndEnglishAdviceIsNot() {
        Incident incident = Incident.builder()
                .channel(Channel.PHONE)
                .community("阳光花园")
                .serviceArea(ServiceArea.ENGINEERING)
                .issue("lift-outage")
                .summary("电梯又坏了")
                .causedBy(CausedBy.PROPERTY_SERVICE)
                .occurrences(2)
                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.ANGRY))
                .expectation(4)
                .perception(2)
                .build();
        Advice zh = KnowledgeBase.advisor().advise(incident, Language.ZH_CN);
        Advice en = KnowledgeBase.advisor().advise(incident, Language.EN);
        List<String> zhTexts = new ArrayList<>(KnowledgeBase.texts(zh));
        List<String> enTexts = new ArrayList<>(KnowledgeBase.texts(en));
        assertEquals(zhTexts.size(), enTexts.size());
        zhTexts.forEach(t -> assertTrue(HAN.matcher(t).find(), () -> "a Chinese advice text without Chinese: " + t));
        enTexts.forEach(t -> assertTrue(
                !HAN.matcher(t).find() && !t.matches("^(action|caution|reason|step)\\..*"),
                () -> "an English advice text that is Chinese or an unresolved code: " + t));
    }
}
