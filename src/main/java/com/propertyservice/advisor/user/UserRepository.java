package com.propertyservice.advisor.user;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface UserRepository extends JpaRepository<UserAccount, String> {

    List<UserAccount> findAllByOrderByUsernameAsc();
}
