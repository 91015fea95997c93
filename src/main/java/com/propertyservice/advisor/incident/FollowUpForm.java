package com.propertyservice.advisor.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The return-visit form on an incident's page. */
class FollowUpForm {

    @NotNull
    @Min(1)
    @Max(5)
    private Integer perception;

    @Min(1)
    @Max(5)
    private Integer expectation;

    @Size(max = 2000)
    private String comment;

    public Integer getPerception() {
        return perception;
    }

    public void setPerception(Integer perception) {
        this.perception = perception;
    }

    public Integer getExpectation() {
        return expectation;
    }

    public void setExpectation(Integer expectation) {
        this.expectation = expectation;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
