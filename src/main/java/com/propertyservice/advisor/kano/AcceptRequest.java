package com.propertyservice.advisor.kano;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which of a survey's proposals to accept.
 *
 * @param items catalogue issue keys, each among the survey's current proposals
 */
record AcceptRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> items) {}
