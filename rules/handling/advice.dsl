# 培训部门用的中文句式：calendar/、handling/、cases/、principles/ 下的 .dslr 规则都用这些句子来写。
# 条件句（[when]）：以"- "开头的句子给上一句"有一起事件"加条件。代码（KanoFactor、Principle 等）的中文名见 rules/README.md 的对照表。
[when]有一起事件=$a: Assessment(classified == true)
[when]有一天=$a: Assessment()
# 日历上的一天（rules/calendar/ 用）：节假日表、休息日规则、工作时间表都按这一天来定；事件那天是什么日子从这里来
[when]日历上的一天=$d: Day()
[when]事件发生在这一天=$a: Assessment(localDate == $d.localDate)
# 事件的类型（投诉、紧急、求助报修、建议、表扬、巡查发现）
[when]- 是投诉=kind == ContactKind.COMPLAINT
[when]- 是紧急事件=kind == ContactKind.EMERGENCY
[when]- 是求助报修=kind == ContactKind.REQUEST
[when]- 是建议=kind == ContactKind.SUGGESTION
[when]- 是表扬=kind == ContactKind.PRAISE
[when]- 是巡查发现=kind == ContactKind.INSPECTION
[when]- 可以升为紧急的类型=kind in (ContactKind.COMPLAINT, ContactKind.REQUEST, ContactKind.INSPECTION)
[when]- 需要讲责任的类型=kind in (ContactKind.COMPLAINT, ContactKind.EMERGENCY)
[when]- 有人反映的类型=kind != ContactKind.INSPECTION
[when]- 非紧急的类型=kind != ContactKind.EMERGENCY
[when]- 不是表扬=kind != ContactKind.PRAISE
[when]- 不是投诉=kind != ContactKind.COMPLAINT
[when]- 类型为投诉或巡查发现=kind in (ContactKind.COMPLAINT, ContactKind.INSPECTION)
[when]- 类型为建议或求助=kind in (ContactKind.SUGGESTION, ContactKind.REQUEST)
[when]- 要到现场处理的类型=kind in (ContactKind.COMPLAINT, ContactKind.EMERGENCY, ContactKind.REQUEST, ContactKind.INSPECTION)
# 反映人站在哪一边、是什么身份
[when]- 反映人是受影响的一方=side == ComplainantSide.AFFECTED
[when]- 反映人是被投诉的一方=side == ComplainantSide.OFFENDER
[when]- 反映人是转告的第三方=side == ComplainantSide.REPORTER
[when]- 反映人不是被投诉的一方=side != ComplainantSide.OFFENDER
[when]- 反映人是租户=role == ComplainantRole.TENANT
[when]- 反映人是商户=role == ComplainantRole.SHOP
[when]- 反映人是访客=role == ComplainantRole.VISITOR
# 渠道
[when]- 渠道是{channel}=channel == Channel.{channel}
[when]- 当面反映=channel in (Channel.WALK_IN, Channel.PATROL)
[when]- 用文字消息反映=channel in (Channel.APP, Channel.WECHAT)
[when]- 经由曝光渠道反映=channel in (Channel.MEDIA, Channel.PUBLIC_HOTLINE)
# 情绪、类型、弱势、多次
[when]- 业主情绪激动=emotion == Emotion.ANGRY
[when]- 业主情绪不满=emotion == Emotion.UPSET
[when]- 业主情绪不平静=emotion != Emotion.CALM
[when]- 投诉人此前投诉过至少{n}次=previousComplaints >= {n}
[when]- 投诉人属于弱势群体=vulnerable == true
[when]- 投诉人类型为{temperament}=temperament == Temperament.{temperament}
# 问题本身
[when]- 问题是{issue}=issue == "{issue}"
[when]- 问题属于 {issues}=issue in ({issues})
[when]- 卡诺因素为{kano}=kanoFactor == KanoFactor.{kano}
[when]- 卡诺因素不是{kano}=kanoFactor != KanoFactor.{kano}
[when]- 质量维度为{dimension}=qualityDimension == QualityDimension.{dimension}
[when]- 属于{area}服务线=catalogueArea == ServiceArea.{area}
[when]- 填写的服务线与目录不同=serviceArea != catalogueArea
[when]- 问题不是员工态度=issue != "staff-attitude"
[when]- 问题性质为{nature}=flags contains "{nature}"
[when]- 没有标记{flag}=flags not contains "{flag}"
[when]- 有安全风险=safetyRisk == true
[when]- 影响至少{n}户=affectedHouseholds >= {n}
[when]- 同一问题发生过至少{n}次=occurrences >= {n}
[when]- 问题不在我方管辖范围=withinJurisdiction == false
# 责任与造成方
[when]- 责任在我方=fault == Fault.OURS
[when]- 责任不在我方=fault == Fault.NOT_OURS
[when]- 责任尚不清楚=fault == Fault.UNKNOWN
[when]- 问题本身不是他方造成=rootFault != Fault.NOT_OURS
[when]- 造成方为{party}=causedBy == CausedBy.{party}
[when]- 造成方不明=causedBy == CausedBy.UNKNOWN
[when]- 造成方不是业主商户或不明=causedBy not in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.UNKNOWN)
[when]- 问题由他方造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.PUBLIC, CausedBy.GOVERNMENT, CausedBy.DEVELOPER, CausedBy.NATURE)
[when]- 问题由有合同或规约约束的第三方造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.DEVELOPER)
[when]- 问题不是有约束的第三方造成=causedBy not in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.DEVELOPER)
[when]- 问题由业主或商户造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP)
# 承诺、通知、地点
[when]- 有承诺已到期未兑现=promiseBroken == true
[when]- 有承诺尚未到期=promisePending == true
[when]- 标着已兑现却没有承诺=promiseMarkedKept == true, promiseMade == false
[when]- 写了到期时间却没有承诺=promiseDueAtGiven == true, promiseMade == false
[when]- 事先没有通知业主=noticeGiven == false
[when]- 不知道事先是否通知=noticeGiven == null
[when]- 没有写地点=location == null
[when]- 有承诺却没写到期时间=promiseMade == true, promiseDueAtGiven == false
# 时间（事件自己的当地时间）
[when]- 是法定节假日=calendarMarks contains "HOLIDAY"
[when]- 是周末=weekday in (Weekday.SATURDAY, Weekday.SUNDAY)
[when]- 不是调休上班日=calendarMarks not contains "MAKEUP_WORKDAY"
[when]- 还没定是什么日子=dayType == null
[when]- 已定是什么日子=dayType != null
[when]- 是休息日=dayType == "REST_DAY"
# 满意度
[when]- 期望与感受都已知=expectation != null, perception != null, $e: expectation, $p: perception
[when]- 满意度差距为负=satisfactionGap != null, satisfactionGap < 0
[when]- 满意度差距不为负=satisfactionGap != null, satisfactionGap >= 0
# 结论句（[then]）
[then]升为紧急事件=modify($a)\{ becomeEmergency() \}
[then]标记{flag}=modify($a)\{ flag("{flag}") \}
[then]这天是{day}=modify($d)\{ setDayType("{day}") \}
[then]事件那天也是这种日子=modify($a)\{ setDayType($d.getDayType()) \}
[then]先保安全 {code}=$a.safety("{code}");
[then]引用法则{principle}权重{weight}理由 {reason}=$a.principle(Principle.{principle}, {weight}, "{reason}");
[then]在步骤{step}中 {code}=$a.step(HandlingStep.{step}, "{code}");
[then]建议 {code} 体现{principle}=$a.action("{code}", Principle.{principle});
[then]提醒 {code}=$a.caution("{code}");
[then]还需了解 {detail}=$a.missing("{detail}");
[then]提示矛盾 {code}=$a.warn("{code}");
[then]报警110=$a.refer(Referral.POLICE);
[then]报火警119=$a.refer(Referral.FIRE_SERVICE);
[then]叫急救120或送医=$a.refer(Referral.MEDICAL);
[then]通知电梯维保单位=$a.refer(Referral.LIFT_CONTRACTOR);
[then]通知水电气公司=$a.refer(Referral.UTILITY);
[then]报请有权处理的部门=$a.refer(Referral.EXTERNAL_AUTHORITY);
[then]请出租房屋的业主参与=$a.refer(Referral.LANDLORD);
[then]通知开发商=$a.refer(Referral.DEVELOPER);
[then]在热线工单上回复=$a.refer(Referral.PUBLIC_HOTLINE);
[then]内部升级到{level}=$a.raiseEscalation(Escalation.{level});
[then]记下满意度差距=modify($a)\{ setSatisfactionGap($p - $e) \}
[then]安排满意度调查=$a.setSurvey(true);
