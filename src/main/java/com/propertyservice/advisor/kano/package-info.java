/**
 * Spring feature: Kano surveys for the training department (contract 1.3). A survey file (CSV or
 * XLSX) is read ({@link com.propertyservice.advisor.kano.SurveyReader}), analysed per item with the
 * standard evaluation table, Fong's test and Better/Worse ({@link com.propertyservice.advisor.kano.KanoAnalysis},
 * plain Java), stored as answer counts, and compared with the active catalogue; accepted proposals
 * change the catalogue's Kano values ({@link com.propertyservice.advisor.kano.CatalogueTable}) and
 * go live only through the rule administration's gate. The REST API and the trainer's survey page
 * live here, both over {@link com.propertyservice.advisor.kano.KanoSurveyService}.
 */
package com.propertyservice.advisor.kano;
