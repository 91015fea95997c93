package com.propertyservice.advisor.engine;

/** How an incident reached the property office. */
public enum Channel {
    PHONE,
    WALK_IN,
    APP,
    WECHAT,
    LETTER,
    PUBLIC_HOTLINE,
    MEDIA,
    PATROL
}
