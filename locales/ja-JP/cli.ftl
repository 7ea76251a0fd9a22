# コマンドラインの言葉。

cli-about = クレーム道場: 台本のある怒ったお客様で、クレーム電話の対応を練習します。
cli-validate-about = シナリオファイルを検査し、すべての誤りを報告します。
cli-play-about = アプリを使わずにシナリオをプレイし、セッションレポートを出力します。
cli-analyze-about = シナリオを分析します: 結末、最良と最悪の経路、難易度。
cli-graph-about = シナリオをグラフ(DOT または Mermaid)で描きます。
cli-new-about = エラーのない新しいシナリオのひな形を書き出します(仮の文言は警告されます)。
cli-validate-summary = { $files } ファイルを検査: エラー { $errors } 件、警告 { $warnings } 件
cli-app-only = --scenarios と --results はアプリ用です。コマンドを付けずに指定してください(`claim-dojo --scenarios DIR`)。
cli-play-unmet = 期待どおりではありません: { $what }

analyze-header = シナリオ { $scenario }: ノード { $nodes }、選択肢 { $choices }、グラフ上の経路 { $paths }
analyze-paths-cyclic = 上限なし(グラフに循環があります)
analyze-endings = 到達できる結末
analyze-exhaustive = 探索: 全数 — { $paths } 経路、選択 { $steps } 回を模擬、同じ状態 { $merged } 件は省略
analyze-bounded = 探索: 打ち切り — 選択 { $budget } 回の上限で { $paths } 経路まで(同じ状態 { $merged } 件は省略)。ほかにも経路があります。
analyze-pruned = 探索: 完全 — { $paths } 経路を再生、選択 { $steps } 回を模擬。結果を変えようのない状態 { $pruned } 件と同じ状態 { $merged } 件は省略。最良・最悪・合格の経路、結末、到達したノードは全経路を調べたときと同じです(全経路は `--exhaustive`)。
analyze-rules-simulated = 模擬通話 { $calls } 件でのルール(ランダムと「ありがちな」研修生。* はシナリオに挙げたもの)
analyze-rule-line-simulated = { $calls } 件中 { $kept } 件で守れた、{ $broken } 件で破った
analyze-flags-simulated = 模擬通話 { $calls } 件でのフラグ(通話が覚えていること)
analyze-flag-line-simulated = { $paths } 件中 { $set } 件で立った
analyze-best = 最良の経路
analyze-worst = 最悪の経路
analyze-passing = 3 分チェックに合格する最良の経路
analyze-no-passing = 通話を失わずに(電話を切られず、二次クレームにもならずに)3 分チェックに合格できる経路はありません。
analyze-passes = 3 分チェック合格(3 分の開始から { $into } で平静、通話時間 { $calm })
analyze-passes-then-lost = 3 分の開始から { $into } で平静(通話時間 { $calm })、その後で通話を失った: 合格の経路ではありません
analyze-fails = 3 分チェック不合格
analyze-kept = 守れた
analyze-broken = 破った
analyze-rules = 異なる全経路でのルール(* はシナリオに挙げたもの)
analyze-rule-line = { $kept } 経路で守れた、{ $broken } 経路で破った
analyze-flags = 異なる全経路でのフラグ(通話が覚えていること)
analyze-flag-line = { $paths } 経路のうち { $set } 経路で立った
analyze-unexercised = 挙げられているが、再生したどの経路でも模擬通話でも扱われないルール: { $rules }
analyze-unreached = すぐに答える経路では届かないノード: { $nodes }(待たせたり遮ったりして怒りが変わった場合にだけ届くか、どこからも届きません)
analyze-difficulty = 模擬による難易度(各 { $sessions } セッション、シード { $seed }):
analyze-random = ランダムな研修生: 3 分チェック合格 { $pass }%、平均 { $score } 点
analyze-plausible = ありがちな(緊張した)研修生: 3 分チェック合格 { $pass }%、平均 { $score } 点

cli-new-bad-id = `{ $id }` はシナリオ ID に使えません。英小文字・数字・- と _ で 64 文字までにしてください。
cli-file-exists = { $path } はすでにあります。別の名前にするか、上書きするなら --force を付けてください。
cli-new-written = { $path } を作成しました。claim-dojo validate { $path } が、書き換える仮の文言を警告 W014 で示します。
cli-new-failed = { $path } に書き込めません: { $reason }

# Edge labels of `graph` for a choice's anger branches.
graph-if-angry = 怒り ≥ { $at_least }
graph-if-calm = 平静なら
# 選択肢が立てるフラグ(sets)と、出す条件(if_set, unless_set)。
graph-sets = { $flags } を立てる
graph-if-set = { $flags } なら
graph-unless-set = { $flags } でなければ

# analyze のゲーミングチェック。
analyze-gaming = ゲーミングチェック(方針ごとに { $seeds } シード。最善の経路 { $best } 点):
analyze-gaming-line = 平均 { $mean } 点、最高 { $max } 点、3 分チェック合格 { $passed }/{ $sessions }
analyze-gaming-lengths = 最善の経路の答えは、{ $longest }% の場面で最も長く、{ $shortest }% の場面で最も短い答えです
# Records (issue 13): the trainees' sessions in records.sqlite3, history and export.
cli-history-about = 研修生の上達ぶり: シナリオごとの挑戦、推移、よく破るルール、次に練習する電話。
cli-export-about = すべてのセッションを 1 件 1 行(JSON Lines)または 1 行(CSV)で書き出します。トレーナーや表計算ソフト向け。
cli-records-missing = { $path } にはまだ記録がありません。アプリで電話を終えると、そこに保存されます(別のファイルは --records FILE で指定)。
cli-trainee-unknown = この記録に「{ $name }」という研修生はいません。研修生: { $known }
cli-history-trainee = { $name }: { $sessions } セッション
cli-history-scenarios = シナリオごとの挑戦(✓ = 合格)
cli-history-attempts = { $attempts } 回、最高 { $best } 点、前回 { $last } 点 / { $max }
cli-history-trend = 最近の得点(✓ = 3 分以内に鎮静): { $scores } — 最近の 3 分合格率: { $rate }%
cli-history-broken = よく破るルール
cli-history-sessions = セッション { $ids }
cli-history-next = 次の電話: { $scenario } — { $why }
cli-history-why-broken = よく破るルール({ $rules })を練習でき、まだ合格していないため
cli-history-why-new = まだ挑戦しておらず、その中でいちばんやさしい電話のため
cli-history-why-not-passed = まだ合格していないため({ $attempts } 回挑戦)
records-s001 = 記録ファイル { $path } を開くことも作ることもできません: { $detail }
records-s002 = { $path } はクレーム道場の記録ではありませんでした(壊れているか、別のプログラムのファイルです: { $detail })。削除せずに { $moved } へ移し、新しい記録を始めました。
records-s003 = { $path } は新しい版のクレーム道場が書いたものです。そのまま残しています。この記録を見るにはクレーム道場を更新してください。({ $detail })
records-s004 = ディスクがいっぱいです。セッションを { $path } に保存できませんでした。({ $detail })
records-s005 = { $path } に書き込めません(読み取り専用のフォルダーかファイルです)。({ $detail })
records-s006 = 記録ファイル { $path } の読み書きに失敗しました: { $detail }
records-s007 = { $path } はセッションのレポートではありません: { $detail }
records-s008 = { $path } にそのセッションはありません({ $detail })。
records-s009 = 取り込み元のフォルダー { $path } を読めません: { $detail }
records-s010 = 書き出し先 { $path } に書き込めません: { $detail }
records-s011 = 「{ $detail }」は研修生の名前にできません。改行なしの 1〜64 文字にしてください。{ $path }
# trainer-tools (issue 17): install without the app, spreadsheets, new --out, graph --from.
cli-import-about = スプレッドシート(CSV、選択肢 1 つにつき 1 行)をシナリオファイルにします。
cli-export-sheet-about = シナリオをスプレッドシート(CSV、選択肢 1 つにつき 1 行)に書き出します。
cli-import-written = { $path } を作成しました(ノード { $nodes }、選択肢 { $choices })。
cli-export-written = { $path } を作成しました({ $rows } 行)。Excel で開き、編集したら claim-dojo import で戻せます。
cli-export-unencodable = セル { $cell } の文字「{ $character }」は Shift_JIS で書けません。--encoding utf-8(既定)で書き出してください。
cli-new-bad-out = { $path } には書けません。シナリオはファイル名で探されるので、ファイル名は { $file } にしてください(--out にはフォルダも指定できます)。
cli-no-app = この claim-dojo はアプリなしでビルドされています(--no-default-features)。コマンドの一覧: claim-dojo --help。アプリを開くには、ソースのフォルダで cargo run --release を実行するか、cargo install --path . --locked でインストールしてください。
cli-graph-no-node = ノード `{ $id }` はありません。
graph-hangs-up = 電話を切られる

# trainer-tools (issue 17): analysis a trainer can predict
analyze-never-kept = 挙げられているが、すぐに答えるどの経路でも守られない(どの経路でも破られる)ルール: { $rules }

# Cohort report (issue 14: claim-dojo report)
cli-report-about = クラス全体の成績レポート (HTML) を書き出す
cohort-title = クラスの成績レポート
cohort-generated = { $time } 時点 · 研修生 { $trainees } 人 · セッション { $sessions } 件
cohort-scenarios = シナリオ別の合格率と得点分布
cohort-col-scenario = シナリオ
cohort-col-sessions = 回数
cohort-col-pass = 合格率
cohort-col-scores = 得点分布
cohort-rules = クラスで最も破られたルール
cohort-col-rule = ルール
cohort-col-broken = 破られた回数
cohort-trainees = 研修生ごとの推移
cohort-col-trainee = 研修生
cohort-col-last = 最後の練習
cohort-col-trend = 直近の得点
cohort-hardest = 怒りが最も上がった場面
cohort-hardest-note = 研修生の発言のあとにお客様の怒りが上がった量の合計が大きい順です。
cohort-col-node = 場面
cohort-col-words = 言ったこと
cohort-col-rise = 怒りの上昇 (合計 / 回数)
cohort-stale = 最近練習していない研修生 ({ $days } 日以上)
cohort-stale-none = 全員が最近練習しています。
cohort-empty = まだ記録がありません。
cohort-no-moments = この記録からは場面が分かりません (LRS のステートメントには会話が含まれません)。
cli-report-source = --db、--results、--lrs のどれか一つを指定してください。
cli-report-lrs = LRS { $url } から読めません: { $detail }
cli-report-written = { $path } に書き出しました (セッション { $sessions } 件)。
