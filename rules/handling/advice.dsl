# 培训部门用的中文句式：处理规则、法则规则、案例规则都用这些句子来写。
# 条件句（[when]），以"- "开头的句子给上一句"有一起事件"加条件。
[when]有一起事件=$a: Assessment(classified == true)
[when]- 业主情绪激动=emotion == Emotion.ANGRY
[when]- 业主情绪不满=emotion == Emotion.UPSET
[when]- 业主情绪不平静=emotion != Emotion.CALM
[when]- 卡诺因素为{kano}=kanoFactor == KanoFactor.{kano}
[when]- 卡诺因素不是{kano}=kanoFactor != KanoFactor.{kano}
[when]- 质量维度为{dimension}=qualityDimension == QualityDimension.{dimension}
[when]- 属于{area}服务线=catalogueArea == ServiceArea.{area}
[when]- 责任在我方=atFault == true
[when]- 责任不在我方=atFault == false
[when]- 问题不在我方管辖范围=withinJurisdiction == false
[when]- 造成方为{party}=causedBy == CausedBy.{party}
[when]- 问题由他方造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.PUBLIC, CausedBy.GOVERNMENT, CausedBy.DEVELOPER)
[when]- 问题由有合同或规约约束的第三方造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP, CausedBy.DEVELOPER)
[when]- 问题由业主或商户造成=causedBy in (CausedBy.OWNER, CausedBy.TENANT_OR_SHOP)
[when]- 有承诺未兑现=promiseMade == true, promiseKept == false
[when]- 同一问题发生过至少{n}次=occurrences >= {n}
[when]- 投诉人此前投诉过至少{n}次=previousComplaints >= {n}
[when]- 投诉人属于弱势群体=vulnerable == true
[when]- 投诉人类型为{temperament}=temperament == Temperament.{temperament}
[when]- 经由曝光渠道反映=channel in (Channel.MEDIA, Channel.PUBLIC_HOTLINE)
[when]- 问题性质为{nature}=flags contains "{nature}"
[when]- 投诉涉及员工态度=issue == "staff-attitude"
[when]- 期望与感受都已知=expectation != null, perception != null, $e: expectation, $p: perception
[when]- 满意度差距为负=satisfactionGap != null, satisfactionGap < 0
[when]- 满意度差距不为负=satisfactionGap != null, satisfactionGap >= 0
# 结论句（[then]）
[then]引用法则{principle}权重{weight}理由 {reason}=$a.principle(Principle.{principle}, {weight}, "{reason}");
[then]在步骤{step}中 {code}=$a.step(HandlingStep.{step}, "{code}");
[then]建议 {code} 体现{principle}=$a.action("{code}", Principle.{principle});
[then]提醒 {code}=$a.caution("{code}");
[then]记下满意度差距=modify($a)\{ setSatisfactionGap($p - $e) \}
[then]安排满意度调查=$a.setSurvey(true);
