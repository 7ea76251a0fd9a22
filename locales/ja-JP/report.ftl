# セッションレポートの言葉。CLI とアプリの振り返り画面で共通。

report-header = シナリオ { $scenario }(シード { $seed })
report-outcome = 結果: { $outcome }({ $time })
report-deescalation-passed = 3 分間の鎮静化: 合格 — 3 分の開始から { $time } で平静に(通話時間 { $call })
report-deescalation-then-lost = …ただし、その後で通話を失いました(終わり方は上のとおり)。平静は最後まで続きませんでした。
report-deescalation-late = 3 分間の鎮静化: 不合格 — 平静になったのは 3 分の開始から { $time }(通話時間 { $call })
report-deescalation-failed = 3 分間の鎮静化: 不合格 — お客様が落ち着いた状態は続きませんでした
report-deescalation-not-goal = 3 分間の鎮静化: 今回の目標ではありません — すぐに引き継ぐのが正解で、そのとおりにできました
report-steps = 立て直しの 4 ステップ
report-rules = ルール
report-score = 得点: { $total } / { $max }

outcome-resolved = 解決
outcome-follow_up = 折り返しを約束
outcome-escalated = エスカレーション
outcome-hung_up = お客様が電話を切った
outcome-secondary_complaint = 二次クレーム発生
outcome-ended_by_policy = 方針により終話

step-1 = 怒りの受け止め(最初の 3 分)
step-2 = 事実の棚卸し
step-3 = お願いとお約束の線引き
step-4 = 次の一手の提示
step-status-done = できた
step-status-missed = できなかった
step-status-out_of_order = 順序が違う

rule-status-kept = 守れた
rule-status-broken = 破った
rule-status-not_tested = 試されず

score-part-deescalation = 3 分間の鎮静化
score-part-step1 = ステップ 1
score-part-step2 = ステップ 2
score-part-step3 = ステップ 3
score-part-step4 = ステップ 4
score-part-rules = ルール(試されたルールのうち守れた割合)
score-part-outcome = 結果

# メモと引き継ぎシートが控えた事実(レポートの `facts`)。
report-facts = 控えるべき事実
report-fact-memo = メモ:
report-fact-handoff = 引き継ぎシート:
report-fact-captured = 控えた
report-fact-missed = 抜けている
report-fact-not_heard = この電話では出なかった

# 電話は終わったのに「結果」の点にならない理由。
outcome-unsound-unkeepable_promise = 「{ $outcome }」とは採点しません: 守れない約束でお客様が納得しました(R13)。約束が破れたとき、クレームは戻ってきます。
outcome-unsound-money_offered = 「{ $outcome }」とは採点しません: 契約にない金品の申し出で電話を終えました(R15)。
outcome-unsound-personal_exception = 「{ $outcome }」とは採点しません: 個人の判断による特例で電話を終えました(R21)。
