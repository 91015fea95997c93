package com.propertyservice.advisor.kano;

/**
 * One readable row of a survey file: a respondent's two answers about one item.
 *
 * @param line          the row's line (CSV) or row number (XLSX), as the trainer's editor shows it
 * @param respondent    who answered (used only to find a second answer to the same item)
 * @param item          the catalogue issue key or service-item name
 * @param functional    the answer to "if the item is there", 1..5
 * @param dysfunctional the answer to "if the item is not there", 1..5
 */
record SurveyRow(int line, String respondent, String item, int functional, int dysfunctional) {}
