# コマンドラインの言葉。

cli-about = クレーム道場: 台本のある怒ったお客様で、クレーム電話の対応を練習します。
cli-validate-about = シナリオファイルを検査し、すべての誤りを報告します。
cli-play-about = アプリを使わずにシナリオをプレイし、セッションレポートを出力します。
cli-analyze-about = シナリオを分析します: 結末、最良と最悪の経路、難易度。
cli-graph-about = シナリオをグラフ(DOT または Mermaid)で描きます。
cli-new-about = 検査を通る新しいシナリオのひな形を書き出します。
cli-validate-summary = { $files } ファイルを検査: エラー { $errors } 件、警告 { $warnings } 件
cli-app-only = --scenarios と --results はアプリ用です。コマンドを付けずに指定してください(`claim-dojo --scenarios DIR`)。
cli-play-unmet = 期待どおりではありません: { $what }

analyze-header = シナリオ { $scenario }: ノード { $nodes }、選択肢 { $choices }、グラフ上の経路 { $paths }
analyze-paths-cyclic = 上限なし(グラフに循環があります)
analyze-endings = 到達できる結末
analyze-exhaustive = 探索: 全数 — { $paths } 経路、選択 { $steps } 回を模擬、同じ状態 { $merged } 件は省略
analyze-bounded = 探索: 打ち切り — 選択 { $budget } 回の上限で { $paths } 経路まで(同じ状態 { $merged } 件は省略)。ほかにも経路があります。
analyze-best = 最良の経路
analyze-worst = 最悪の経路
analyze-passing = 3 分チェックに合格する最良の経路
analyze-no-passing = 3 分チェックに合格できる経路はありません。
analyze-passes = 3 分チェック合格({ $calm } で平静)
analyze-fails = 3 分チェック不合格
analyze-kept = 守れた
analyze-broken = 破った
analyze-rules = 全経路でのルール(* はシナリオに挙げたもの)
analyze-rule-line = { $kept } 経路で守れた、{ $broken } 経路で破った
analyze-unexercised = 挙げられているが、どの経路でも扱われないルール: { $rules }
analyze-unreached = すぐに答える経路では届かないノード: { $nodes }(待たせたり遮ったりして怒りが変わった場合にだけ届くか、どこからも届きません)
analyze-difficulty = 模擬による難易度(各 { $sessions } セッション、シード { $seed }):
analyze-random = ランダムな研修生: 3 分チェック合格 { $pass }%、平均 { $score } 点
analyze-plausible = ありがちな(緊張した)研修生: 3 分チェック合格 { $pass }%、平均 { $score } 点

cli-new-bad-id = `{ $id }` はシナリオ ID に使えません。英小文字・数字・- と _ で 64 文字までにしてください。
cli-new-exists = { $path } はすでにあります。別の ID にするか、上書きするなら --force を付けてください。
cli-new-written = { $path } を作成しました。仮の文言を書き換えたら、claim-dojo validate { $path } で検査してください。
cli-new-failed = { $path } に書き込めません: { $reason }

# Edge labels of `graph` for a choice's anger branches.
graph-if-angry = 怒り ≥ { $at_least }
graph-if-calm = 平静なら

# analyze のゲーミングチェック。
analyze-gaming = ゲーミングチェック(方針ごとに { $seeds } シード。最善の経路 { $best } 点):
analyze-gaming-line = 平均 { $mean } 点、最高 { $max } 点、3 分チェック合格 { $passed }/{ $sessions }
analyze-gaming-lengths = 最善の経路の答えは、{ $longest }% の場面で最も長く、{ $shortest }% の場面で最も短い答えです
