package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Promise;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.system.KebabCase;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The new-incident form: the contract's incident fields, flattened for an HTML form. A JavaBean
 * because the form binds to it and shows it again with its errors; the defaults are the ones a
 * supervisor most often needs (a calm owner on the phone complaining, within our jurisdiction).
 * Advance notice has three answers (yes, no, not known), so it is a {@code Boolean} bound to a select.
 */
class IncidentForm {

    @Size(max = 64)
    private String externalId;

    @NotNull
    private ContactKind kind = ContactKind.COMPLAINT;

    @NotNull
    private Channel channel = Channel.PHONE;

    @NotBlank
    @Size(max = 100)
    private String community;

    @NotNull
    private ServiceArea serviceArea;

    @NotBlank
    @KebabCase(max = 100)
    private String issue;

    @NotBlank
    @Size(max = 2000)
    private String summary;

    @NotNull
    private CausedBy causedBy = CausedBy.UNKNOWN;

    private boolean withinJurisdiction = true;
    private boolean safetyRisk;

    @NotNull
    @Min(1)
    private Integer affectedHouseholds = 1;

    @NotNull
    @Min(1)
    private Integer occurrences = 1;

    @NotNull
    private ComplainantRole role = ComplainantRole.OWNER;

    @NotNull
    private ComplainantSide side = ComplainantSide.AFFECTED;

    @NotNull
    private Emotion emotion = Emotion.CALM;

    private Temperament temperament;
    private boolean vulnerable;

    @NotNull
    @Min(0)
    private Integer previousComplaints = 0;

    private Boolean noticeGiven;

    @Size(max = 200)
    private String location;

    private boolean promiseMade;
    private boolean promiseKept;

    @Min(1)
    @Max(5)
    private Integer expectation;

    @Min(1)
    @Max(5)
    private Integer perception;

    /** The incident this form describes, reported now on {@code clock} (its zone is the offset); call only when the form is valid. */
    Incident toIncident(Clock clock) {
        return Incident.builder()
                .externalId(blankToNull(externalId))
                .reportedAt(OffsetDateTime.now(clock))
                .kind(kind)
                .noticeGiven(noticeGiven)
                .location(blankToNull(location))
                .channel(channel)
                .community(community.strip())
                .serviceArea(serviceArea)
                .issue(issue.strip())
                .summary(summary.strip())
                .causedBy(causedBy)
                .withinJurisdiction(withinJurisdiction)
                .safetyRisk(safetyRisk)
                .affectedHouseholds(affectedHouseholds)
                .occurrences(occurrences)
                .complainant(new Complainant(role, emotion, temperament, vulnerable, previousComplaints, side))
                .promise(promiseMade ? new Promise(true, promiseKept, null) : null)
                .expectation(expectation)
                .perception(perception)
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public ContactKind getKind() {
        return kind;
    }

    public void setKind(ContactKind kind) {
        this.kind = kind;
    }

    public ComplainantSide getSide() {
        return side;
    }

    public void setSide(ComplainantSide side) {
        this.side = side;
    }

    public Boolean getNoticeGiven() {
        return noticeGiven;
    }

    public void setNoticeGiven(Boolean noticeGiven) {
        this.noticeGiven = noticeGiven;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }

    public ServiceArea getServiceArea() {
        return serviceArea;
    }

    public void setServiceArea(ServiceArea serviceArea) {
        this.serviceArea = serviceArea;
    }

    public String getIssue() {
        return issue;
    }

    public void setIssue(String issue) {
        this.issue = issue;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public CausedBy getCausedBy() {
        return causedBy;
    }

    public void setCausedBy(CausedBy causedBy) {
        this.causedBy = causedBy;
    }

    public boolean isWithinJurisdiction() {
        return withinJurisdiction;
    }

    public void setWithinJurisdiction(boolean withinJurisdiction) {
        this.withinJurisdiction = withinJurisdiction;
    }

    public boolean isSafetyRisk() {
        return safetyRisk;
    }

    public void setSafetyRisk(boolean safetyRisk) {
        this.safetyRisk = safetyRisk;
    }

    public Integer getAffectedHouseholds() {
        return affectedHouseholds;
    }

    public void setAffectedHouseholds(Integer affectedHouseholds) {
        this.affectedHouseholds = affectedHouseholds;
    }

    public Integer getOccurrences() {
        return occurrences;
    }

    public void setOccurrences(Integer occurrences) {
        this.occurrences = occurrences;
    }

    public ComplainantRole getRole() {
        return role;
    }

    public void setRole(ComplainantRole role) {
        this.role = role;
    }

    public Emotion getEmotion() {
        return emotion;
    }

    public void setEmotion(Emotion emotion) {
        this.emotion = emotion;
    }

    public Temperament getTemperament() {
        return temperament;
    }

    public void setTemperament(Temperament temperament) {
        this.temperament = temperament;
    }

    public boolean isVulnerable() {
        return vulnerable;
    }

    public void setVulnerable(boolean vulnerable) {
        this.vulnerable = vulnerable;
    }

    public Integer getPreviousComplaints() {
        return previousComplaints;
    }

    public void setPreviousComplaints(Integer previousComplaints) {
        this.previousComplaints = previousComplaints;
    }

    public boolean isPromiseMade() {
        return promiseMade;
    }

    public void setPromiseMade(boolean promiseMade) {
        this.promiseMade = promiseMade;
    }

    public boolean isPromiseKept() {
        return promiseKept;
    }

    public void setPromiseKept(boolean promiseKept) {
        this.promiseKept = promiseKept;
    }

    public Integer getExpectation() {
        return expectation;
    }

    public void setExpectation(Integer expectation) {
        this.expectation = expectation;
    }

    public Integer getPerception() {
        return perception;
    }

    public void setPerception(Integer perception) {
        this.perception = perception;
    }
}
