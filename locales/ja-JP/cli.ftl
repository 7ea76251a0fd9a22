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
analyze-best = 最良の経路
analyze-worst = 最悪の経路
analyze-passing = 3 分チェックに合格する最良の経路
analyze-no-passing = 3 分チェックに合格できる経路はありません。
analyze-passes = 3 分チェック合格(3 分の開始から { $into } で平静、通話時間 { $calm })
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
cli-file-exists = { $path } はすでにあります。別の名前にするか、上書きするなら --force を付けてください。
cli-new-written = { $path } を作成しました。claim-dojo validate { $path } が、書き換える仮の文言を警告 W014 で示します。
cli-new-failed = { $path } に書き込めません: { $reason }

# Edge labels of `graph` for a choice's anger branches.
graph-if-angry = 怒り ≥ { $at_least }
graph-if-calm = 平静なら

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
