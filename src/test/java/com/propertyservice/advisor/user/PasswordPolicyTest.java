package com.propertyservice.advisor.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyservice.advisor.system.ApiProblemException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the password policy refuses, each with its reason, and what it lets through. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
        "short-pass,password.too-short",
        "aaaaaaaaaaaa,password.too-simple",
        "abababababab,password.too-simple",
        "li.supervisor-2025,password.contains-username",
        "LI.SUPERVISOR,password.contains-username",
        "Password2025!!,password.common",
        "P@ssw0rd123456,password.common",
        "123456789012,password.common",
        "qwertyuiop1234,password.common",
        "2025wuyeguanli,password.common",
    })
    void refuses(String password, String reason) {
        assertThatThrownBy(() -> policy.check("li.supervisor", password))
                .isInstanceOf(ApiProblemException.class)
                .satisfies(e ->
                        Assertions.assertThat(((ApiProblemException) e).field()).isEqualTo("password"))
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"电梯坏了先修好再说电梯坏了先修好再说电梯坏了先修好再说xx", "ääääääääääääääääääääääääääääääääääääää"})
    void refusesMoreThan72BytesClearly(String password) {
        assertThatThrownBy(() -> policy.check("li", password)).hasMessage("password.too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Duty-Desk-Pass-1", "correct horse battery staple", "电梯维修回访满意度高12"})
    void acceptsSoundPasswords(String password) {
        assertThatCode(() -> policy.check("li.supervisor", password)).doesNotThrowAnyException();
    }
}
