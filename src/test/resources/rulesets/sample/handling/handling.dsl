# Sample DSL: Chinese sentences for handling rules
[when]有一起事件=$a: Assessment()
[when]- 业主情绪激动=emotion == Emotion.ANGRY
[when]- 卡诺因素为{kano}=kanoFactor == KanoFactor.{kano}
[then]在步骤{step}中 {code}=$a.step(HandlingStep.{step}, "{code}");
[then]提醒 {code}=$a.caution("{code}");
