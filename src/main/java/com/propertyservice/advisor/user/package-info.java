/**
 * Spring feature: the people who log in (supervisors, trainers, administrators), their bcrypt
 * passwords and roles, the first administrator, and the user API for administrators.
 */
package com.propertyservice.advisor.user;
